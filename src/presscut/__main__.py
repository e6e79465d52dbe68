import sys

from presscut.cli.main import main

sys.exit(main())
