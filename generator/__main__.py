"""``python -m generator``: the ``handbook`` command."""

from .cli import main

main()
