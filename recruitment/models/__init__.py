from .access import *  # noqa: F403
from .consent import *  # noqa: F403
from .contacts import *  # noqa: F403
from .documents import *  # noqa: F403
from .dossiers import *  # noqa: F403
from .log import *  # noqa: F403
from .reference import *  # noqa: F403
