<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>KitExport</name>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ProjectFitController</name>
    <message>
        <source>%1 → %2 BPM</source>
        <translation>%1 → %2&#xa0;BPM</translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <translation>%1 demi-tons</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Separate songs into stems and mine samples.</source>
        <translation>Sépare des morceaux en stems et en extrait des samples.</translation>
    </message>
    <message>
        <source>Songs or folders to open.</source>
        <translation>Morceaux ou dossiers à ouvrir.</translation>
    </message>
    <message>
        <source>Separation model file.</source>
        <translation>Fichier du modèle de séparation.</translation>
    </message>
    <message>
        <source>Do not download the model on first run.</source>
        <translation>Ne pas télécharger le modèle au premier lancement.</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>Enregistrer une capture de la fenêtre et quitter.</translation>
    </message>
    <message>
        <source>settings, export or shortcuts.</source>
        <translation>settings, export ou shortcuts.</translation>
    </message>
    <message>
        <source>Select FROM:TO seconds (screenshots).</source>
        <translation>Sélectionner de DÉBUT:FIN secondes (captures d’écran).</translation>
    </message>
    <message>
        <source>Show spectrograms (screenshots).</source>
        <translation>Afficher les spectrogrammes (captures d’écran).</translation>
    </message>
    <message>
        <source>Grab while separating (screenshots).</source>
        <translation>Capturer pendant la séparation (captures d’écran).</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelDownloader</name>
    <message>
        <source>Another Stemcrate is already downloading the separation model to %1. Wait for it to finish, or pass --model PATH.</source>
        <translation>Une autre instance de Stemcrate télécharge déjà le modèle de séparation dans %1. Attendez la fin du téléchargement, ou passez --model CHEMIN.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (the folder is not writable). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>Impossible d’enregistrer le modèle de séparation dans %1 (le dossier n’est pas accessible en écriture). Passez --model CHEMIN pour utiliser un fichier de modèle situé ailleurs.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>Impossible d’enregistrer le modèle de séparation dans %1 (%2). Passez --model CHEMIN pour utiliser un fichier de modèle situé ailleurs.</translation>
    </message>
    <message>
        <source>The model download was stopped. The %1 received so far are kept in %2, and the next start resumes from there.</source>
        <translation>Le téléchargement du modèle a été interrompu. Les %1 déjà reçus sont conservés dans %2 et le prochain lancement reprendra à partir de là.</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.</source>
        <translation>Impossible d’enregistrer le modèle de séparation dans %1 (%2). Libérez de l’espace disque, ou passez --model CHEMIN.</translation>
    </message>
    <message>
        <source>the server refused to resume the partial download</source>
        <translation>le serveur a refusé de reprendre le téléchargement partiel</translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation>le serveur a repris au mauvais endroit</translation>
    </message>
    <message>
        <source>the download ended after %1 of %2; starting again resumes it</source>
        <translation>le téléchargement s’est arrêté après %1 sur %2&#xa0;; un nouveau lancement le reprendra</translation>
    </message>
    <message>
        <source>Could not move the downloaded model from %1 to %2 (%3).</source>
        <translation>Impossible de déplacer le modèle téléchargé de %1 vers %2 (%3).</translation>
    </message>
    <message>
        <source>the server sent a web page instead of the model file</source>
        <translation>le serveur a envoyé une page web au lieu du fichier du modèle</translation>
    </message>
    <message>
        <source>the server sent something that is not a PyTorch model file</source>
        <translation>le serveur a envoyé un fichier qui n’est pas un modèle PyTorch</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>hôte introuvable</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>le délai de connexion a expiré</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>un total inconnu</translation>
    </message>
    <message>
        <source>the connection broke off after %1 of %2; starting again resumes it</source>
        <translation>la connexion a été coupée après %1 sur %2&#xa0;; un nouveau lancement reprendra le téléchargement</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>aucune connexion réseau</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>échec de la connexion sécurisée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not download the separation model (%1). Download %2 on a connected machine and copy it to %3, or pass --model PATH.</source>
        <translation>Impossible de télécharger le modèle de séparation (%1). Téléchargez %2 sur une machine connectée et copiez-le vers %3, ou passez --model CHEMIN.</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelSetup</name>
    <message>
        <source>The separation model is ready.</source>
        <translation>Le modèle de séparation est prêt.</translation>
    </message>
    <message>
        <source>The separation model file &apos;%1&apos; does not exist. Choose the model file, or download the default model.</source>
        <translation>Le fichier du modèle de séparation «&#xa0;%1&#xa0;» n’existe pas. Choisissez le fichier du modèle, ou téléchargez le modèle par défaut.</translation>
    </message>
    <message>
        <source>Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.</source>
        <translation>Stemcrate a besoin de son modèle de séparation (environ 320&#xa0;Mo), une seule fois. Téléchargez-le, ou placez %1 à l’emplacement %2.</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Modèle de séparation</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints PyTorch (*.pt *.pth);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelStore</name>
    <message>
        <source>The model file %1 does not exist. Check the path given with --model or in the settings (%2).</source>
        <translation>Le fichier de modèle %1 n’existe pas. Vérifiez le chemin indiqué avec --model ou dans les paramètres (%2).</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ChopPanel</name>
    <message>
        <source>Chop</source>
        <translation>Découper</translation>
    </message>
    <message>
        <source>Export slices…</source>
        <translation>Exporter les tranches…</translation>
    </message>
    <message>
        <source>Equal parts</source>
        <translation>Parts égales</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transitoires</translation>
    </message>
    <message>
        <source>Select a region on a lane, then Chop. Keys 1-9 and 0 play the slices.</source>
        <translation>Sélectionnez une zone sur une piste, puis cliquez sur Découper. Les touches 1-9 et 0 jouent les tranches.</translation>
    </message>
    <message>
        <source>Select a region on a lane first.</source>
        <translation>Sélectionnez d’abord une zone sur une piste.</translation>
    </message>
    <message>
        <source>That part is still being separated.</source>
        <translation>Cette partie est encore en cours de séparation.</translation>
    </message>
    <message>
        <source>Chopping…</source>
        <translation>Découpage…</translation>
    </message>
    <message>
        <source>Cannot chop: %1</source>
        <translation>Découpage impossible&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s): keys 1-9 and 0 or the pads play them.</source>
        <translation>
            <numerusform>%n tranche&#xa0;: les touches 1-9 et 0 ou les pads la jouent.</numerusform>
            <numerusform>%n tranches&#xa0;: les touches 1-9 et 0 ou les pads les jouent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting slices…</source>
        <translation>Export des tranches…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportDialog</name>
    <message>
        <source>Export Selection</source>
        <translation>Exporter la sélection</translation>
    </message>
    <message>
        <source>WAV</source>
        <translation>WAV</translation>
    </message>
    <message>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Bit depth:</source>
        <translation>Résolution&#xa0;:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Fade in:</source>
        <translation>Fondu d’entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Fade out:</source>
        <translation>Fondu de sortie&#xa0;:</translation>
    </message>
    <message>
        <source>Loop (seamless wrap, loop points in the file)</source>
        <translation>Boucle (raccord sans clic, points de boucle dans le fichier)</translation>
    </message>
    <message>
        <source>As heard (the audible stems with their gains)</source>
        <translation>Tel qu’entendu (les stems audibles, avec leur gain)</translation>
    </message>
    <message>
        <source>Tokens: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</source>
        <translation>Balises&#xa0;: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nom de fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Dossier de la bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Dossier de la bibliothèque</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 bits</translation>
    </message>
    <message>
        <source>24-bit</source>
        <translation>24 bits</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32 bits flottants</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::FindSamplesPanel</name>
    <message>
        <source>Open a song: loop suggestions appear as its stems are separated.</source>
        <translation>Ouvrez un morceau&#xa0;: des suggestions de boucles apparaissent au fur et à mesure que ses stems sont séparés.</translation>
    </message>
    <message>
        <source>Waiting for separated stems…</source>
        <translation>En attente des stems séparés…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n bar(s) · %2 BPM</source>
        <translation>
            <numerusform>%1 · %n mesure · %2&#xa0;BPM</numerusform>
            <numerusform>%1 · %n mesures · %2&#xa0;BPM</numerusform>
        </translation>
    </message>
    <message>
        <source>Start %1 s, score %2. Click to audition, Return or Ctrl+E to export, drag out.</source>
        <translation>Début à %1&#xa0;s, score %2. Cliquez pour pré-écouter, Entrée ou Ctrl+E pour exporter, ou faites glisser vers l’extérieur.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) so far (separating…)</source>
        <translation>
            <numerusform>%n suggestion pour l’instant (séparation…)</numerusform>
            <numerusform>%n suggestions pour l’instant (séparation…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::KitPanel</name>
    <message>
        <source>Find one-shots</source>
        <translation>Trouver les one-shots</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>Exporter le kit…</translation>
    </message>
    <message>
        <source>Find the one-shots of the drums stem (or of the mix without stems).</source>
        <translation>Trouve les one-shots du stem de batterie (ou du mix, sans stems).</translation>
    </message>
    <message>
        <source>Wait for the separation to finish.</source>
        <translation>Attendez la fin de la séparation.</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>Ouvrez d’abord un morceau.</translation>
    </message>
    <message>
        <source>Finding one-shots in %1…</source>
        <translation>Recherche des one-shots dans %1…</translation>
    </message>
    <message>
        <source>Cannot find one-shots: %1</source>
        <translation>Impossible de trouver les one-shots&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 ×%2 · %3 s · confidence %4</source>
        <translation>%1 ×%2 · %3&#xa0;s · confiance %4</translation>
    </message>
    <message>
        <source>%1 hits in %2 groups</source>
        <translation>%1 frappes en %2 groupes</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>Export du kit…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LaneStrip</name>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Mettre %1 en solo</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Rendre %1 muet</translation>
    </message>
    <message>
        <source>Gain: 0.0 dB</source>
        <translation>Gain&#xa0;: 0.0&#xa0;dB</translation>
    </message>
    <message>
        <source>Gain: %1 dB</source>
        <translation>Gain&#xa0;: %1&#xa0;dB</translation>
    </message>
    <message>
        <source>Gain: off</source>
        <translation>Gain&#xa0;: coupé</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryFilterBar</name>
    <message>
        <source>Search name, stem, class, key, song…</source>
        <translation>Rechercher un nom, stem, catégorie, tonalité, morceau…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>Toutes les tonalités</translation>
    </message>
    <message>
        <source>Compatible keys</source>
        <translation>Tonalités compatibles</translation>
    </message>
    <message>
        <source>Also the keys next to it on the Camelot wheel and its relative key</source>
        <translation>Inclut aussi les tonalités voisines sur la roue Camelot et la tonalité relative</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Boucles</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Tranches</translation>
    </message>
    <message>
        <source>One-shots</source>
        <translation>One-shots</translation>
    </message>
    <message>
        <source>Any stem</source>
        <translation>Tous les stems</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>Voix</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mix</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryIndexer</name>
    <message>
        <source>The library index is rebuilt: %1</source>
        <translation>L’index de la bibliothèque a été reconstruit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryModel</name>
    <message>
        <source>loop</source>
        <translation>boucle</translation>
    </message>
    <message>
        <source>slice</source>
        <translation>tranche</translation>
    </message>
    <message>
        <source>one-shot</source>
        <translation>one-shot</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1&#xa0;LUFS</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Lecture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>BPM from the file name</source>
        <translation>BPM tiré du nom de fichier</translation>
    </message>
    <message>
        <source>BPM estimated from the audio</source>
        <translation>BPM estimé à partir de l’audio</translation>
    </message>
    <message>
        <source>Key from the file name</source>
        <translation>Tonalité tirée du nom de fichier</translation>
    </message>
    <message>
        <source>Key estimated from the audio</source>
        <translation>Tonalité estimée à partir de l’audio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Sonie</translation>
    </message>
    <message>
        <source>Source Song</source>
        <translation>Morceau source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryPanel</name>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>Samples dans %1</translation>
    </message>
    <message>
        <source>Could not move &apos;%1&apos; to the trash.</source>
        <translation>Impossible de mettre «&#xa0;%1&#xa0;» à la corbeille.</translation>
    </message>
    <message>
        <source>Moved &apos;%1&apos; to the trash.</source>
        <translation>«&#xa0;%1&#xa0;» a été mis à la corbeille.</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>Trouver des sons similaires</translation>
    </message>
    <message>
        <source>List the samples that sound most like the selected one</source>
        <translation>Lister les samples dont le son se rapproche le plus du sample sélectionné</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Select a sample to find similar ones.</source>
        <translation>Sélectionnez un sample pour trouver des sons similaires.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be analysed, so nothing can be compared with it.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être analysé&#xa0;: impossible de le comparer à d’autres samples.</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) most like &apos;%1&apos;</source>
        <translation>
            <numerusform>%n sample le plus proche de «&#xa0;%1&#xa0;»</numerusform>
            <numerusform>%n samples les plus proches de «&#xa0;%1&#xa0;»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s)</source>
        <translation>
            <numerusform>%1 sur %n sample</numerusform>
            <numerusform>%1 sur %n samples</numerusform>
        </translation>
    </message>
    <message>
        <source> · reading the folder…</source>
        <translation> · lecture du dossier…</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MainWindow</name>
    <message>
        <source>Stemcrate</source>
        <translation>Stemcrate</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Drop songs here</source>
        <translation>Déposez des morceaux ici</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Morceaux</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>&amp;Exporter la sélection…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Loop Selection</source>
        <translation>Boucler la sélection</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Aller au début</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Aller à la fin</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>Zoom sur l’ensemble</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Nudge Selection Left</source>
        <translation>Décaler la sélection vers la gauche</translation>
    </message>
    <message>
        <source>Nudge Selection Right</source>
        <translation>Décaler la sélection vers la droite</translation>
    </message>
    <message>
        <source>Move Selection End Left</source>
        <translation>Déplacer la fin de la sélection vers la gauche</translation>
    </message>
    <message>
        <source>Move Selection End Right</source>
        <translation>Déplacer la fin de la sélection vers la droite</translation>
    </message>
    <message>
        <source>Delete (song, sample or selection)</source>
        <translation>Supprimer (morceau, sample ou sélection)</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spectrogramme</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>Changer de mode de magnétisme</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un morceau &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>&amp;Sélection</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>Magnétisme&#xa0;: </translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Zero crossings</source>
        <translation>Passages à zéro</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>Transitoires</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No audio files found in %1.</source>
        <translation>Aucun fichier audio trouvé dans %1.</translation>
    </message>
    <message>
        <source>%1 — Stemcrate</source>
        <translation>%1 — Stemcrate</translation>
    </message>
    <message>
        <source>%1 BPM</source>
        <translation>%1&#xa0;BPM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open Songs</source>
        <translation>Ouvrir des morceaux</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation>Fichiers audio (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Sélectionnez d’abord une zone&#xa0;: faites glisser la souris sur une piste.</translation>
    </message>
    <message>
        <source>That part of the stem is still being separated.</source>
        <translation>Cette partie du stem est encore en cours de séparation.</translation>
    </message>
    <message>
        <source>as heard</source>
        <translation>tel qu’entendu</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation>   sélection %1 – %2 (%3&#xa0;s)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MiningPanels</name>
    <message>
        <source>Find Samples</source>
        <translation>Trouver des samples</translation>
    </message>
    <message>
        <source>Chop</source>
        <translation>Découpe</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Extraction de samples</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ModelBanner</name>
    <message>
        <source>Download Model</source>
        <translation>Télécharger le modèle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose Model File…</source>
        <translation>Choisir le fichier du modèle…</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1 of %2</source>
        <translation>Téléchargement du modèle de séparation&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1</source>
        <translation>Téléchargement du modèle de séparation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ProjectFitBar</name>
    <message>
        <source>Project:</source>
        <translation>Projet&#xa0;:</translation>
    </message>
    <message>
        <source>Song tempo</source>
        <translation>Tempo du morceau</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>The tempo of the track you are making: previews and exports are stretched to it</source>
        <translation>Le tempo du morceau que vous produisez&#xa0;: les pré-écoutes et les exports sont calés sur ce tempo (time-stretch)</translation>
    </message>
    <message>
        <source>Song key</source>
        <translation>Tonalité du morceau</translation>
    </message>
    <message>
        <source>The key of the track you are making: previews and exports are shifted into it (the nearest way, at most 6 semitones)</source>
        <translation>La tonalité du morceau que vous produisez&#xa0;: les pré-écoutes et les exports y sont transposés (par le plus court chemin, 6&#xa0;demi-tons au maximum)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Dossier de la bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>Dossier de la bibliothèque</translation>
    </message>
    <message>
        <source>the downloaded default model</source>
        <translation>le modèle par défaut téléchargé</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Fichier du modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>Modèle de séparation</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints PyTorch (*.pt *.pth);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Calcul sur&#xa0;:</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>tous les cœurs</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads&#xa0;:</translation>
    </message>
    <message>
        <source>WAV 16-bit</source>
        <translation>WAV 16 bits</translation>
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation>WAV 24 bits</translation>
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation>WAV 32 bits flottants</translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation>FLAC 16 bits</translation>
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation>FLAC 24 bits</translation>
    </message>
    <message>
        <source>Export format:</source>
        <translation>Format d’export&#xa0;:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Stem cache limit:</source>
        <translation>Limite du cache des stems&#xa0;:</translation>
    </message>
    <message>
        <source>clearing…</source>
        <translation>vidage…</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>calcul…</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 utilisés</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Select a region</source>
        <translation>Sélectionner une zone</translation>
    </message>
    <message>
        <source>Drag on any lane</source>
        <translation>Glisser sur n’importe quelle piste</translation>
    </message>
    <message>
        <source>Drag the selection out as a WAV</source>
        <translation>Glisser la sélection hors de l’app en WAV</translation>
    </message>
    <message>
        <source>Drag from inside the selection</source>
        <translation>Glisser depuis l’intérieur de la sélection</translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation>Zoomer autour du pointeur</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Molette de la souris</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Faire défiler</translation>
    </message>
    <message>
        <source>Shift+wheel, horizontal wheel</source>
        <translation>Maj+molette, molette horizontale</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>Déplacer la tête de lecture</translation>
    </message>
    <message>
        <source>Click a lane or the ruler</source>
        <translation>Cliquer sur une piste ou sur la règle</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongList</name>
    <message>
        <source>queued</source>
        <translation>en file d’attente</translation>
    </message>
    <message>
        <source>decoding %1 %</source>
        <translation>décodage %1&#xa0;%</translation>
    </message>
    <message>
        <source>waiting for the separation model</source>
        <translation>en attente du modèle de séparation</translation>
    </message>
    <message>
        <source>separating %1 %</source>
        <translation>séparation %1&#xa0;%</translation>
    </message>
    <message>
        <source>separating %1 % — %2:%3 left</source>
        <translation>séparation %1&#xa0;% — reste %2:%3</translation>
    </message>
    <message>
        <source>done (from cache)</source>
        <translation>terminé (depuis le cache)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongQueue</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TempoKeyBar</name>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tempo: type the right one if the detected tempo is wrong</source>
        <translation>Tempo&#xa0;: saisissez la bonne valeur si le tempo détecté est faux</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>Double the tempo</source>
        <translation>Doubler le tempo</translation>
    </message>
    <message>
        <source>÷2</source>
        <translation>÷2</translation>
    </message>
    <message>
        <source>Halve the tempo</source>
        <translation>Diviser le tempo par deux</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>Tap along with the beat to set the tempo</source>
        <translation>Tapez en rythme pour régler le tempo</translation>
    </message>
    <message>
        <source>Key: pick or type the right one (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — for none</source>
        <translation>Tonalité&#xa0;: choisissez ou saisissez la bonne («&#xa0;F# minor&#xa0;», «&#xa0;Bbm&#xa0;», «&#xa0;8A&#xa0;»)&#xa0;; —&#xa0;pour aucune</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Back to the detected tempo and key</source>
        <translation>Revenir au tempo et à la tonalité détectés</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelineView</name>
    <message>
        <source>mix</source>
        <translation>mix</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::Transport</name>
    <message>
        <source>No audio output device: playback is off. Everything else works.</source>
        <translation>Aucun périphérique de sortie audio&#xa0;: la lecture est désactivée. Tout le reste fonctionne.</translation>
    </message>
    <message>
        <source>The audio output &apos;%1&apos; does not play 44.1 kHz stereo: playback is off.</source>
        <translation>La sortie audio «&#xa0;%1&#xa0;» ne prend pas en charge la stéréo 44,1&#xa0;kHz&#xa0;: la lecture est désactivée.</translation>
    </message>
</context>
</TS>
