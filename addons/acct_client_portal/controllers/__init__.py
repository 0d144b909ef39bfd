from . import client_data, portal
