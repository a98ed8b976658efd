# -*- coding: iso-8859-1 -*-
# MoinMoin 1.9 config for the home wiki on the Pi (pi.home.lan).
# Served by uwsgi (see /srv/moin/uwsgi.ini) behind nginx, see page NginxReverseProxy.

import os

from MoinMoin.config import multiconfig, url_prefix_static


class Config(multiconfig.DefaultConfig):

    wikiconfig_dir = os.path.abspath(os.path.dirname(__file__))
    instance_dir = wikiconfig_dir

    data_dir = os.path.join(instance_dir, 'data', '')
    data_underlay_dir = os.path.join(instance_dir, 'underlay', '')

    url_prefix_static = '/moin_static199'

    sitename = u'Sengdara home'
    logo_string = u'<img src="%s/common/moinmoin.png" alt="MoinMoin Logo">' % url_prefix_static
    page_front_page = u"FrontPage"

    superuser = [u"KhamphoneSengdara", ]
    acl_rights_before = u"KhamphoneSengdara:read,write,delete,revert,admin"
    acl_rights_default = u"Known:read,write,delete,revert All:"

    navi_bar = [
        u'RecentChanges',
        u'FindPage',
        u'Journal',
        u'ContactList',
    ]

    theme_default = 'modernized'
    language_default = 'en'

    page_category_regex = ur'(?P<all>Category(?P<key>(?!Template)\S+))'
    page_template_regex = ur'(?P<all>(?P<key>\S+)Template)$'

    show_hosts = 1
    edit_locking = 'warn 10'
    tz_offset = 7.0   # Vientiane

    mail_smarthost = ""
