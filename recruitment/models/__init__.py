from .dossiers import *  # noqa: F403
from .reference import *  # noqa: F403
