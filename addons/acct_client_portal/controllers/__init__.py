from . import portal, work_statement
