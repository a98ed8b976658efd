<?php if (!defined('PmWiki')) exit();
##  Local configuration for the Phiri family wiki (Raspberry Pi in the study).
##  Only reachable on the home network; see Main.HomePage.

$WikiTitle = 'Phiri family wiki';
$ScriptUrl = 'http://192.168.1.20/pmwiki/pmwiki.php';
$PubDirUrl = 'http://192.168.1.20/pmwiki/pub';
$EnablePathInfo = 0;

##  Everyone in the house edits under their own name; no password on read.
$DefaultPasswords['admin'] = pmcrypt('not-the-real-one');
$DefaultPasswords['edit']  = '';
$Author = 'Chisomo';

##  Uploads (scans, reference files). Kept small: the SD card is 32 GB.
$EnableUpload = 1;
$UploadMaxSize = 10000000;
$UploadPrefixFmt = '/$Group';

##  Keep page history for 60 days only; older diffs are dropped on save.
$DiffKeepDays = 60;

##  Times as we write them: 14/03/2026 21:40.
$TimeFmt = '%d/%m/%Y %H:%M';
putenv('TZ=Africa/Blantyre');

$EnableGUIButtons = 1;
$EnableRelativePageVars = 1;
include_once("$FarmD/scripts/xlpage-utf-8.php");
