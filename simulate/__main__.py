"""``python -m simulate`` runs the ``unsc`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
