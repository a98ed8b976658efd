AUTHOR = 'Khalid Al-Riyami'
SITENAME = 'Bayt Al-Riyami notes'
SITEURL = ''

PATH = 'content'
ARTICLE_PATHS = ['journal', 'tech']
PAGE_PATHS = ['pages']
STATIC_PATHS = ['extra']
EXTRA_PATH_METADATA = {'extra/robots.txt': {'path': 'robots.txt'}}

TIMEZONE = 'Asia/Muscat'
DEFAULT_LANG = 'en'
DEFAULT_DATE_FORMAT = '%d %B %Y'

# private site on the home server, no feeds
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

ARTICLE_URL = 'journal/{date:%Y}/{date:%m}/{slug}/'
ARTICLE_SAVE_AS = 'journal/{date:%Y}/{date:%m}/{slug}/index.html'
PAGE_URL = '{slug}/'
PAGE_SAVE_AS = '{slug}/index.html'

DISPLAY_PAGES_ON_MENU = True
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 40

MARKDOWN = {
    'extension_configs': {
        'markdown.extensions.codehilite': {'css_class': 'highlight'},
        'markdown.extensions.extra': {},
        'markdown.extensions.toc': {'permalink': True},
    },
    'output_format': 'html5',
}

THEME = 'notmyidea'
LINKS = (('Pelican', 'https://getpelican.com/'),)
SOCIAL = ()
RELATIVE_URLS = True
