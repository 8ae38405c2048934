import sys

from idcheck.launcher import main

sys.exit(main())
