import sys

from extractor_lab.cli import main

sys.exit(main())
