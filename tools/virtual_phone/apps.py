"""The virtual phone's installed apps: packages, launcher labels, activities (a Pixel on Android 14)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class App:
    package: str
    label: str
    main: str          # fully qualified launcher activity
    kind: str
    system: bool = True
    activities: tuple[str, ...] = ()


LAUNCHER_PKG = "com.google.android.apps.nexuslauncher"
SETTINGS_PKG = "com.android.settings"
MESSAGES_PKG = "com.google.android.apps.messaging"
DIALER_PKG = "com.google.android.dialer"
CLOCK_PKG = "com.google.android.deskclock"
CAMERA_PKG = "com.android.camera2"
CHROME_PKG = "com.android.chrome"
SYSTEMUI_PKG = "com.android.systemui"

# Settings pages: renderer kind -> activity (Android 14 names where the page has its own activity;
# SubSettings for the generic pages). Distinct activities keep BACK working page by page.
SETTINGS_ACTIVITIES: dict[str, str] = {
    "settings_main": "com.android.settings.Settings",
    "settings_network": "com.android.settings.Settings$NetworkDashboardActivity",
    "settings_wifi": "com.android.settings.Settings$WifiSettingsActivity",
    "settings_connected": "com.android.settings.Settings$ConnectedDeviceDashboardActivity",
    "settings_bluetooth": "com.android.settings.Settings$BluetoothDashboardActivity",
    "settings_apps": "com.android.settings.Settings$AppDashboardActivity",
    "settings_all_apps": "com.android.settings.Settings$ManageApplicationsActivity",
    "settings_app_info": "com.android.settings.applications.InstalledAppDetails",
    "settings_app_notif": "com.android.settings.Settings$AppNotificationSettingsActivity",
    "settings_notifications": "com.android.settings.Settings$ConfigureNotificationSettingsActivity",
    "settings_notif_apps": "com.android.settings.Settings$NotificationAppListActivity",
    "settings_dnd": "com.android.settings.Settings$ZenModeSettingsActivity",
    "settings_battery": "com.android.settings.Settings$PowerUsageSummaryActivity",
    "settings_battery_saver": "com.android.settings.Settings$BatterySaverSettingsActivity",
    "settings_display": "com.android.settings.Settings$DisplaySettingsActivity",
    "settings_night_light": "com.android.settings.Settings$NightDisplaySettingsActivity",
    "settings_sound": "com.android.settings.Settings$SoundSettingsActivity",
    "settings_accessibility": "com.android.settings.Settings$AccessibilitySettingsActivity",
    "settings_security": "com.android.settings.Settings$SecurityDashboardActivity",
    "settings_system": "com.android.settings.Settings$SystemDashboardActivity",
    "settings_about": "com.android.settings.Settings$MyDeviceInfoActivity",
    "settings_page": "com.android.settings.SubSettings",
}
PHOTOS_PKG = "com.google.android.apps.photos"
CONTACTS_PKG = "com.google.android.contacts"
INTENTRESOLVER_PKG = "com.android.intentresolver"  # Android 14's share sheet

APPS: list[App] = [
    App(LAUNCHER_PKG, "Pixel Launcher", "com.google.android.apps.nexuslauncher.NexusLauncherActivity",
        "launcher"),
    App(SETTINGS_PKG, "Settings", "com.android.settings.Settings", "settings",
        activities=tuple(a for a in SETTINGS_ACTIVITIES.values() if a != "com.android.settings.Settings")),
    App(MESSAGES_PKG, "Messages", "com.google.android.apps.messaging.ui.ConversationListActivity",
        "messages", activities=("com.google.android.apps.messaging.ui.conversation.ConversationActivity",
                                "com.google.android.apps.messaging.ui.conversation.LaunchConversationActivity",
                                "com.google.android.apps.messaging.ui.appsettings.ShareIntentActivity")),
    App(DIALER_PKG, "Phone", "com.google.android.dialer.extensions.GoogleDialtactsActivity", "dialer",
        activities=("com.android.incallui.InCallActivity",)),
    App(CLOCK_PKG, "Clock", "com.android.deskclock.DeskClock", "clock",
        activities=("com.android.deskclock.HandleApiCalls",)),
    App(CAMERA_PKG, "Camera", "com.android.camera.CameraLauncher", "camera",
        activities=("com.android.camera.CameraActivity",)),
    App(CHROME_PKG, "Chrome", "com.google.android.apps.chrome.Main", "chrome"),
    App(CONTACTS_PKG, "Contacts", "com.android.contacts.activities.PeopleActivity", "contacts"),
    App("com.google.android.calendar", "Calendar", "com.android.calendar.AllInOneActivity", "generic"),
    App("com.google.android.apps.maps", "Maps", "com.google.android.maps.MapsActivity", "maps"),
    App(PHOTOS_PKG, "Photos", "com.google.android.apps.photos.home.HomeActivity", "photos",
        activities=("com.google.android.apps.photos.pager.HostPhotoPagerActivity",)),
    App("com.spotify.music", "Spotify", "com.spotify.music.MainActivity", "generic", system=False),
    App("com.instagram.android", "Instagram", "com.instagram.mainactivity.LauncherActivity", "generic", system=False),
    App("com.whatsapp", "WhatsApp", "com.whatsapp.Main", "generic", system=False),
    App("com.google.android.gm", "Gmail", "com.google.android.gm.ConversationListActivityGmail", "generic"),
]
APP_BY_PKG = {app.package: app for app in APPS}
# Installed but not launchable: they show up in `pm list packages` like on a real phone.
OTHER_PACKAGES = ["android", "com.google.android.inputmethod.latin", "com.android.systemui", "com.android.phone", "com.android.shell",
                  INTENTRESOLVER_PKG,
                  "com.android.providers.contacts", "com.android.providers.telephony",
                  "com.google.android.gms", "com.android.vending"]
APP_COLORS = {
    "launcher": (32, 33, 36), "settings": (232, 240, 254), "messages": (225, 245, 254),
    "dialer": (230, 244, 234), "clock": (30, 30, 40), "camera": (0, 0, 0), "chrome": (255, 255, 255),
    "maps": (229, 227, 223), "shade": (40, 40, 48), "contacts": (250, 250, 250), "generic": (245, 245, 245), "photos": (255, 255, 255), "photo": (0, 0, 0),
    "sharesheet": (240, 240, 245), "incall": (20, 60, 40), "recents": (60, 60, 70),
}


def short_activity(package: str, activity: str) -> str:
    return activity[len(package):] if activity.startswith(package + ".") else activity
