"""Writes of the participation loop: propose, support and withdraw, comment, change status, evaluate,
follow, flag and moderate.

Every action checks what the phase and the person allow (`check_*`), writes in one
transaction, and keeps the counters exact with F() updates next to the rows they count.
One module per concern; this package exports them all, so callers say `services.idea_support`.
"""

from core.refusals import Refused as Refused
from ideas.services.follows import *  # noqa: F403
from ideas.services.moderation import *  # noqa: F403
from ideas.services.participation import *  # noqa: F403
