"""Every code block of the site. A snippet imports the files shared by several pages
(`digits_net.py`, beside this file) by their plain name, as a reader who copied the
two files side by side would; importing this package makes those names resolve."""

import sys
from pathlib import Path

if str(Path(__file__).parent) not in sys.path:
    sys.path.append(str(Path(__file__).parent))
