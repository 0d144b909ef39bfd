from . import (
    portal,
    requests,
    work_statement,
)
