import { defineClientConfig } from 'vuepress/client'

export default defineClientConfig({
  enhance({ app, router }) {
    // nothing yet; kept for a future "days until birthday" component
  },
  setup() {},
  rootComponents: [],
})
