"""idcheck: indicator checklists, an encrypted local store and referral summaries
for frontline workers who may meet trafficked children.

The core packages (``checklist``, ``store``, ``report``, ``training``) import no Qt;
``gui`` is a thin shell over them and ``cli`` is the headless command line.
"""

__version__ = "0.1.0"
APP_NAME = "idcheck"

__all__ = ["APP_NAME", "__version__"]
