// Computed data shared by every template
module.exports = {
  year: () => new Date().getFullYear(),
  permalink: (data) => data.permalink,
};
