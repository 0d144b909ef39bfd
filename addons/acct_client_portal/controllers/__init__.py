from . import portal
from . import work_statement
