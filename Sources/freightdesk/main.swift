print("freightdesk")
