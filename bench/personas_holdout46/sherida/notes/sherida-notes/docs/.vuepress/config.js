import { viteBundler } from '@vuepress/bundler-vite'
import { defaultTheme } from '@vuepress/theme-default'
import { searchPlugin } from '@vuepress/plugin-search'
import { defineUserConfig } from 'vuepress'

export default defineUserConfig({
  lang: 'en-GB',
  title: 'Sherida · notes',
  description: 'Family, house, money and papers — Blauwgrond, Paramaribo',
  base: '/',
  head: [['link', { rel: 'icon', href: '/favicon.svg' }]],

  bundler: viteBundler(),

  theme: defaultTheme({
    logo: '/favicon.svg',
    colorModeSwitch: true,
    lastUpdated: false,          // the pages say themselves when I last checked them
    contributors: false,
    editLink: false,
    navbar: [
      { text: 'Home', link: '/' },
      { text: 'Family', link: '/family/' },
      { text: 'Journal', link: '/journal/' },
      { text: 'Contacts', link: '/contacts.html' },
    ],
    sidebar: {
      '/journal/': [
        {
          text: 'Journal 2026',
          children: [
            '/journal/README.md',
            '/journal/2026-04-18-easter-in-meerzorg.md',
            '/journal/2026-05-09-kolibrie.md',
            '/journal/2026-06-20-internist.md',
            '/journal/2026-07-04-keti-koti.md',
            '/journal/2026-08-15-winarti.md',
            '/journal/2026-09-12-insurance.md',
            '/journal/2026-10-03-new-job.md',
            '/journal/2026-10-25-swimming.md',
            '/journal/2026-11-14-rent-and-salary.md',
          ],
        },
      ],
      '/': [
        '/README.md',
        { text: 'Family', children: ['/family/README.md', '/family/kids.md'] },
        '/health.md',
        '/money.md',
        '/home.md',
        '/car.md',
        '/work.md',
        '/papers.md',
        '/contacts.md',
        '/birthdays.md',
        { text: 'Other', collapsible: true, children: ['/guide/vuepress-cheatsheet.md', '/recipes/moksi-alesi.md'] },
      ],
    },
  }),

  plugins: [
    searchPlugin({
      maxSuggestions: 8,
      hotKeys: ['s', '/'],
      locales: { '/': { placeholder: 'Search notes' } },
    }),
  ],
})
