from . import (
    portal,
    requests,
)
