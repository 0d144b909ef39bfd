from . import client_data, portal, work_statement
