"""`anima chat` (placeholder until the TUI lands: helper TUI replaces this file)."""


def register(sub) -> None:
    def run(args):
        from agent.cli import UserError

        raise UserError("the chat app is not built yet")

    sub.add_parser("chat", help="open the chat app").set_defaults(func=run)
