print("zoneaudit")
