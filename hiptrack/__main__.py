import sys

from hiptrack.app import main

sys.exit(main())
