print("zonegen")
