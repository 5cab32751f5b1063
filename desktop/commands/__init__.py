"""Subcommands of `jiafang`, one module each; every module has `register(subparsers)`.

A handler is stored with `parser.set_defaults(handler=fn)` and is called as `fn(args, ctx)` with a
`CommandContext`; it returns the exit status or raises `CommandError` for a one-line failure.
"""
