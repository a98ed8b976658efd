"""One module per CLI sub-command. Each defines `register(subparsers)` and is discovered by
agent.cli, so adding a command never means editing a shared list."""
