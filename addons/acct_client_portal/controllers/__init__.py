from . import (
    client_data,
    portal,
    requests,
    work_statement,
)
