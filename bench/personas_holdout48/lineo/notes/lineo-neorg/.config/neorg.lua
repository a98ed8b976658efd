-- backup of ~/.config/nvim/lua/plugins/neorg.lua (lazy.nvim spec), copied here on 2026-02-14
return {
  "nvim-neorg/neorg",
  lazy = false,
  version = "*",
  config = function()
    require("neorg").setup({
      load = {
        ["core.defaults"] = {},
        ["core.concealer"] = { config = { icon_preset = "diamond" } },
        ["core.dirman"] = {
          config = {
            workspaces = { notes = "~/notes/lineo-neorg" },
            default_workspace = "notes",
            index = "index.norg",
          },
        },
        ["core.journal"] = {
          config = {
            workspace = "notes",
            journal_folder = "journal",
            strategy = "nested",
            template_name = "templates/journal.norg",
          },
        },
        ["core.esupports.metagen"] = { config = { type = "auto", timezone = "implicit-local" } },
        ["core.summary"] = {},
      },
    })
  end,
}
