// @ts-check
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  markdown: {
    shikiConfig: { theme: 'github-light' },
  },
});
