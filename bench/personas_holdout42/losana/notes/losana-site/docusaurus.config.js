// @ts-check
// Household wiki, served on the old laptop under the TV: http://192.168.1.40:3000
// `npm run build` then copy build/ to the NAS share "kana".

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Vale Waqanivalu',
  tagline: 'Everything we keep forgetting',
  favicon: 'img/favicon.ico',
  url: 'http://vale.local',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  onBrokenMarkdownLinks: 'warn',
  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: './sidebars.js',
          routeBasePath: 'docs',
          showLastUpdateTime: true,
        },
        blog: {
          blogTitle: 'Diary',
          blogSidebarTitle: 'Recent entries',
          blogSidebarCount: 'ALL',
          showReadingTime: false,
          postsPerPage: 10,
        },
        theme: {
          customCss: './src/css/custom.css',
        },
      }),
    ],
  ],
  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      navbar: {
        title: 'Vale',
        items: [
          {type: 'docSidebar', sidebarId: 'homeSidebar', position: 'left', label: 'Household'},
          {to: '/blog', label: 'Diary', position: 'left'},
        ],
      },
      footer: {
        style: 'dark',
        copyright: `Private. Not for sharing. ${new Date().getFullYear()}`,
      },
      colorMode: {respectPrefersColorScheme: true},
    }),
};

module.exports = config;
