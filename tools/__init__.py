"""anima's hands: Android device control over adb, the virtual phone, voice input."""
