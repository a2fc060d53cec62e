"""Writes of the live debate rooms. Each action checks who may (`check_*`), writes in one
transaction, records its event with the session's next `seq` and broadcasts it after commit.

One module per concern; this package exports them all, so callers say `services.floor_give`.
"""

from core.refusals import Refused as Refused
from sessions.services.access import *  # noqa: F403
from sessions.services.floor import *  # noqa: F403
from sessions.services.follows import *  # noqa: F403
from sessions.services.lifecycle import *  # noqa: F403
from sessions.services.messages import *  # noqa: F403
from sessions.services.polls import *  # noqa: F403
from sessions.services.records import *  # noqa: F403
