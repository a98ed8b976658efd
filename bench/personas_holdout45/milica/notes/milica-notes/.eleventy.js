// Eleventy config for my private notes site (runs only on my laptop: npx @11ty/eleventy --serve)
const { DateTime } = require("luxon");

module.exports = function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("css");
  eleventyConfig.addPassthroughCopy("img");

  eleventyConfig.addFilter("readableDate", (dateObj) =>
    DateTime.fromJSDate(dateObj, { zone: "Europe/Podgorica" }).toFormat("dd.LL.yyyy.")
  );

  eleventyConfig.addCollection("journal", (collectionApi) =>
    collectionApi.getFilteredByGlob("posts/*.md").sort((a, b) => b.date - a.date)
  );

  eleventyConfig.addCollection("pagesByTitle", (collectionApi) =>
    collectionApi.getFilteredByGlob("pages/*.md").sort((a, b) => a.data.title.localeCompare(b.data.title))
  );

  return {
    dir: { input: ".", includes: "_includes", data: "_data", output: "_site" },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk", "html"],
  };
};
