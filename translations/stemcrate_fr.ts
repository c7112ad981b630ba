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
    <message numerus="yes">
        <source>+%n semitone(s)</source>
        <comment>a shift up</comment>
        <translation>
            <numerusform>+%n demi-ton</numerusform>
            <numerusform>+%n demi-tons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n semitone(s)</source>
        <comment>a shift down</comment>
        <translation>
            <numerusform>-%n demi-ton</numerusform>
            <numerusform>-%n demi-tons</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <comment>a fractional shift, e.g. +1.5</comment>
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
    <name>stemcrate-cli</name>
    <message>
        <source>Prints one JSON object per file (one line each): path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] and, with --stems, stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Unknown values are null; key is null for
material without tonal content (drums).
  --stems DIR        analyse the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each FILE
                     (DIR/&lt;file name&gt;/{drums,bass,other,vocals}.wav or .flac)
  --sensitivity S    onset sensitivity, 0 (strongest hits only) to 1 (default 0.5)
  --bpm BPM          the tempo is BPM (20-400): the beat grid is laid at it over the detected
                     one, and loops follow it (tempo_source &quot;user&quot;)
  --key KEY          the key is KEY (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;Eb&quot;, Camelot &quot;8A&quot;)
</source>
        <translation>Affiche un objet JSON par fichier (un par ligne)&#xa0;: path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}] et, avec --stems, stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]. Les valeurs inconnues valent null&#xa0;; key vaut null
pour les sons sans contenu tonal (batterie).
  --stems DIR        analyse les stems écrits par &apos;stemcrate-cli separate -o DIR&apos; pour chaque FILE
                     (DIR/&lt;nom du fichier&gt;/{drums,bass,other,vocals}.wav ou .flac)
  --sensitivity S    sensibilité de détection des attaques, de 0 (frappes les plus fortes seulement) à 1 (0.5 par défaut)
  --bpm BPM          le tempo est BPM (20-400)&#xa0;: la grille des temps est posée à ce tempo sur celle
                     détectée, et les boucles la suivent (tempo_source &quot;user&quot;)
  --key KEY          la tonalité est KEY (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;Eb&quot;, Camelot &quot;8A&quot;)
</translation>
    </message>
    <message>
        <source>no %1 stem in %2</source>
        <translation>aucun stem %1 dans %2</translation>
    </message>
    <message>
        <source>no FILE given</source>
        <translation>aucun FILE indiqué</translation>
    </message>
    <message>
        <source>--sensitivity must be a number from 0 to 1</source>
        <translation>--sensitivity doit être un nombre de 0 à 1</translation>
    </message>
    <message>
        <source>--bpm needs a tempo from 20 to 400, got &apos;%1&apos;</source>
        <translation>--bpm attend un tempo de 20 à 400, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--key needs a key such as &quot;F# minor&quot;, &quot;Bbm&quot; or &quot;8A&quot;, got &apos;%1&apos;</source>
        <translation>--key attend une tonalité comme &quot;F# minor&quot;, &quot;Bbm&quot; ou &quot;8A&quot;, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--stems: &apos;%1&apos; is not a folder</source>
        <translation>--stems&#xa0;: «&#xa0;%1&#xa0;» n’est pas un dossier</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>l’option --%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>l’option %1 attend une valeur</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>option inconnue %1</translation>
    </message>
    <message>
        <source>Writes the region [start, end) of INPUT (decoded to 44.1 kHz stereo) and prints the path written.
  --fade-ms MS        fade in and out (default 0); --fade-in-ms / --fade-out-ms set one side
  --fade-curve C      linear (default) or equal-power
  --loop              click-free wrap (crossfade, length kept) and loop points in the file
  --snap MODE         move both edges to the nearest zero crossing (default off)
  --snap-window-ms MS how far to look for it (default 10)
  --format F          default: from OUTPUT&apos;s extension, else wav
  --bit-depth D       default 32f for wav (a sample-exact copy), 24 for flac and aiff
  --no-dither         no TPDF dither when writing 16 or 24 bit
  --normalize         scale the peak to --peak-db (default -0.1 dBFS)
  --stem, --bpm, --key  tags (default: stem = INPUT&apos;s name, bpm and key from INPUT&apos;s tags)
  --name TEMPLATE     file name when -o is a folder (default
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;)
</source>
        <translation>Écrit la zone [start, end) d’INPUT (décodée en 44,1 kHz stéréo) et affiche le chemin écrit.
  --fade-ms MS        fondu d’entrée et de sortie (0 par défaut)&#xa0;; --fade-in-ms / --fade-out-ms en règlent un seul
  --fade-curve C      linear (par défaut) ou equal-power
  --loop              raccord sans clic (fondu enchaîné, durée conservée) et points de boucle dans le fichier
  --snap MODE         cale les deux bords sur le passage à zéro le plus proche (off par défaut)
  --snap-window-ms MS distance de recherche du passage à zéro (10 par défaut)
  --format F          par défaut&#xa0;: d’après l’extension d’OUTPUT, sinon wav
  --bit-depth D       par défaut 32f pour wav (copie exacte à l’échantillon près), 24 pour flac et aiff
  --no-dither         pas de dither TPDF à l’écriture en 16 ou 24 bits
  --normalize         ramène le niveau de crête à --peak-db (-0.1 dBFS par défaut)
  --stem, --bpm, --key  tags (par défaut&#xa0;: stem = nom d’INPUT, bpm et key d’après les tags d’INPUT)
  --name TEMPLATE     nom de fichier quand -o est un dossier (par défaut
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;)
</translation>
    </message>
    <message>
        <source>--%1 needs milliseconds between 0 and 60000, got &apos;%2&apos;</source>
        <translation>--%1 attend une durée en millisecondes entre 0 et 60000, valeur reçue&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>no INPUT file given</source>
        <translation>aucun fichier INPUT indiqué</translation>
    </message>
    <message>
        <source>give exactly one INPUT file</source>
        <translation>indiquez exactement un fichier INPUT</translation>
    </message>
    <message>
        <source>missing --%1 SECONDS</source>
        <translation>il manque --%1 SECONDS</translation>
    </message>
    <message>
        <source>--%1 needs seconds between 0 and 10800, got &apos;%2&apos;</source>
        <translation>--%1 attend un nombre de secondes entre 0 et 10800, valeur reçue&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>--end must be after --start</source>
        <translation>--end doit être après --start</translation>
    </message>
    <message>
        <source>--fade-curve must be linear or equal-power, got &apos;%1&apos;</source>
        <translation>--fade-curve doit valoir linear ou equal-power, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--snap must be off, any or rising, got &apos;%1&apos;</source>
        <translation>--snap doit valoir off, any ou rising, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--peak-db needs dBFS between -99 and 0, got &apos;%1&apos;</source>
        <translation>--peak-db attend une valeur en dBFS entre -99 et 0, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--format must be wav, flac or aiff, got &apos;%1&apos;</source>
        <translation>--format doit valoir wav, flac ou aiff, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--bit-depth must be 16, 24 or 32f, got &apos;%1&apos;</source>
        <translation>--bit-depth doit valoir 16, 24 ou 32f, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--bpm attend un tempo entre 1 et 999, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>missing -o OUTPUT_FILE_OR_DIR</source>
        <translation>il manque -o OUTPUT_FILE_OR_DIR</translation>
    </message>
    <message>
        <source>the region ends at %1 s, after the end of the audio (%2 s)</source>
        <translation>la zone se termine à %1 s, après la fin de l’audio (%2 s)</translation>
    </message>
    <message>
        <source>%1 cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>%1 ne peut pas stocker de flottants 32 bits&#xa0;; utilisez --bit-depth 16 ou 24</translation>
    </message>
    <message>
        <source>usage: stemcrate-cli &lt;command&gt; [options]

commands:
  separate   split songs into drums, bass, other and vocals stems
  probe      print format, length and tags of audio files as JSON lines
  export     cut a region of an audio file into a sample (WAV, FLAC, AIFF)
  analyze    tempo, beats, key, loudness, onsets and loops of audio files as JSON lines
  loops      ranked 1/2/4/8-bar loop suggestions per stem as JSON lines
  chop       slice a region (equal parts, beats, transients) into samples + SFZ/Decent Sampler
  oneshots   extract, classify and group the hits of a stem into a drum kit + SFZ/Decent Sampler
  similar    the samples of a library folder that sound most like a file, as JSON lines
  stretch    time-stretch and pitch-shift a file to a tempo and key (Rubber Band R3)

Run &apos;stemcrate-cli &lt;command&gt; --help&apos; for a command&apos;s options.
</source>
        <translation>utilisation&#xa0;: stemcrate-cli &lt;command&gt; [options]

commandes&#xa0;:
  separate   sépare des morceaux en stems de batterie, basse, autres et voix
  probe      affiche le format, la durée et les tags de fichiers audio en lignes JSON
  export     découpe une zone d’un fichier audio en sample (WAV, FLAC, AIFF)
  analyze    tempo, temps, tonalité, loudness, attaques et boucles de fichiers audio en lignes JSON
  loops      suggestions de boucles de 1/2/4/8 mesures par stem, classées, en lignes JSON
  chop       découpe une zone (parts égales, temps, transitoires) en samples + SFZ/Decent Sampler
  oneshots   extrait, classe et regroupe les frappes d’un stem en kit de batterie + SFZ/Decent Sampler
  similar    les samples d’un dossier de bibliothèque qui sonnent le plus comme un fichier, en lignes JSON
  stretch    étire (time-stretch) et transpose un fichier vers un tempo et une tonalité (Rubber Band R3)

Lancez &apos;stemcrate-cli &lt;command&gt; --help&apos; pour les options d’une commande.
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Prints ranked 1, 2, 4 and 8-bar loop suggestions on downbeats, one JSON object per line: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null when unknown or for drums).
  --stems DIR   suggest loops in the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each INPUT
                (the beat grid from the drums); without it, in INPUT itself (stem &quot;mix&quot;)
</source>
        <translation>Affiche des suggestions de boucles de 1, 2, 4 et 8 mesures calées sur les premiers temps, classées, un objet JSON par ligne&#xa0;: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null si inconnue ou pour la batterie).
  --stems DIR   suggère des boucles dans les stems écrits par &apos;stemcrate-cli separate -o DIR&apos; pour chaque INPUT
                (grille des temps tirée de la batterie)&#xa0;; sans cette option, dans INPUT lui-même (stem &quot;mix&quot;)
</translation>
    </message>
    <message>
        <source>Cuts the region [start, end) of INPUT into slices and writes DIR/&lt;name&gt;-01.wav ... (24-bit WAV,
short fades, boundaries on zero crossings) plus DIR/&lt;name&gt;.sfz and DIR/&lt;name&gt;.dspreset mapping them
chromatically from C1 (MIDI 36). Prints one JSON line per slice: index, start_s, end_s, note, file.
  --slices N      N equal parts (1 to 92)
  --beats         one slice per beat (the beat grid of the whole INPUT)
  --transients    a slice at every transient
  --sensitivity S transient sensitivity, 0 (strongest only) to 1 (default 0.5)
  --name NAME     file name stem (default: INPUT&apos;s name)
</source>
        <translation>Découpe la zone [start, end) d’INPUT en tranches et écrit DIR/&lt;name&gt;-01.wav ... (WAV 24 bits,
fondus courts, bords sur des passages à zéro) ainsi que DIR/&lt;name&gt;.sfz et DIR/&lt;name&gt;.dspreset qui les répartissent
chromatiquement à partir de C1 (MIDI 36). Affiche une ligne JSON par tranche&#xa0;: index, start_s, end_s, note, file.
  --slices N      N parts égales (1 à 92)
  --beats         une tranche par temps (la grille des temps de tout INPUT)
  --transients    une tranche à chaque transitoire
  --sensitivity S sensibilité aux transitoires, de 0 (les plus fortes seulement) à 1 (0.5 par défaut)
  --name NAME     radical du nom de fichier (par défaut&#xa0;: le nom d’INPUT)
</translation>
    </message>
    <message>
        <source>Detects every hit of each INPUT (a drums stem, say), trims it from its onset to the end of its
decay, classifies it (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) and groups
near-duplicates. Writes a kit per INPUT into DIR: &lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav, one per group (its cleanest
hit), plus &lt;name&gt;.sfz and &lt;name&gt;.dspreset on General MIDI drum notes (&lt;name&gt; = INPUT&apos;s name).
Prints one JSON line per hit: path, start_s, class, confidence, group, file (its group&apos;s sample).
  --sensitivity S onset sensitivity, 0 (strongest only) to 1 (default 0.6)
</source>
        <translation>Détecte chaque frappe de chaque INPUT (un stem de batterie, par exemple), la coupe de son attaque à la fin de
sa décroissance, la classe (kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal) et regroupe les
quasi-doublons. Écrit un kit par INPUT dans DIR&#xa0;: &lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav, un par groupe (sa frappe la plus
propre), ainsi que &lt;name&gt;.sfz et &lt;name&gt;.dspreset sur les notes de batterie General MIDI (&lt;name&gt; = nom d’INPUT).
Affiche une ligne JSON par frappe&#xa0;: path, start_s, class, confidence, group, file (le sample de son groupe).
  --sensitivity S sensibilité de détection des attaques, de 0 (les plus fortes seulement) à 1 (0.6 par défaut)
</translation>
    </message>
    <message>
        <source>the stems in %1 differ in length</source>
        <translation>les stems de %1 n’ont pas la même durée</translation>
    </message>
    <message>
        <source>no steady beat found, so no bar-aligned loops (is it at least 4 seconds long?)</source>
        <translation>aucune pulsation régulière trouvée, donc pas de boucles calées sur les mesures (le son dure-t-il au moins 4 secondes&#xa0;?)</translation>
    </message>
    <message>
        <source>no INPUT given</source>
        <translation>aucun INPUT indiqué</translation>
    </message>
    <message>
        <source>give exactly one INPUT</source>
        <translation>indiquez exactement un INPUT</translation>
    </message>
    <message>
        <source>give one of --slices N, --beats or --transients</source>
        <translation>indiquez --slices N, --beats ou --transients</translation>
    </message>
    <message>
        <source>--slices needs a whole number from 1 to 92, got &apos;%1&apos;</source>
        <translation>--slices attend un nombre entier de 1 à 92, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>missing -o DIR</source>
        <translation>il manque -o DIR</translation>
    </message>
    <message>
        <source>no hits found</source>
        <translation>aucune frappe trouvée</translation>
    </message>
    <message>
        <source>Prints one JSON object per file (one line each): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   decode each file for its exact length at 44.1 kHz (slower); without it the
            length comes from the container&apos;s header
</source>
        <translation>Affiche un objet JSON par fichier (un par ligne)&#xa0;: path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   décode chaque fichier pour obtenir sa durée exacte à 44,1 kHz (plus lent)&#xa0;; sans cette option,
            la durée est lue dans l’en-tête du conteneur
</translation>
    </message>
    <message>
        <source>Writes OUTDIR/&lt;input name&gt;/{drums,bass,other,vocals}.&lt;format&gt;, as long as the input, then
OUTDIR/&lt;input name&gt;/.stemcrate-complete.json (each stem&apos;s size and hash).
  --model PATH      HDemucs checkpoint (default: the downloaded HDEMUCS_HIGH_MUSDB_PLUS)
  --segment SECONDS window length (default %1); 0 = whole track in one window
  --overlap FRACTION overlap between windows, 0..0.5 (default %2: %3 s)
  --batch N         windows per forward pass (default 1 on cpu, %4 on cuda)
  --threads N       compute threads (default: all cores; one beside a GPU)
  --device cpu|cuda (default cpu)
  --format wav|flac (default wav)
  --bit-depth 16|24|32f (default 32f for wav, 24 for flac)
  --from-list FILE  separate the songs listed in FILE (one path a line); songs whose stems are
                    complete and unchanged are skipped, so a rerun finishes an interrupted run
  --shard I/N       only this process&apos;s share of the list: the songs whose path hashes to I mod N
  --manifest FILE   append one JSON line per song (default with --from-list: OUTDIR/manifest.jsonl)
  --cache DIR       keep separated stems in DIR and reuse them for a song seen with the same model
                    (the app&apos;s cache: $XDG_CACHE_HOME/stemcrate/stems)
</source>
        <translation>Écrit OUTDIR/&lt;nom de l’entrée&gt;/{drums,bass,other,vocals}.&lt;format&gt;, de la même durée que l’entrée, puis
OUTDIR/&lt;nom de l’entrée&gt;/.stemcrate-complete.json (taille et empreinte de chaque stem).
  --model PATH      checkpoint HDemucs (par défaut&#xa0;: le HDEMUCS_HIGH_MUSDB_PLUS téléchargé)
  --segment SECONDS longueur de fenêtre (%1 par défaut)&#xa0;; 0 = tout le morceau dans une seule fenêtre
  --overlap FRACTION chevauchement entre fenêtres, 0..0.5 (%2 par défaut&#xa0;: %3 s)
  --batch N         fenêtres par passe du réseau (1 par défaut sur cpu, %4 sur cuda)
  --threads N       threads de calcul (par défaut&#xa0;: tous les cœurs&#xa0;; un seul à côté d’un GPU)
  --device cpu|cuda (cpu par défaut)
  --format wav|flac (wav par défaut)
  --bit-depth 16|24|32f (par défaut 32f pour wav, 24 pour flac)
  --from-list FILE  sépare les morceaux listés dans FILE (un chemin par ligne)&#xa0;; les morceaux dont les stems
                    sont complets et inchangés sont ignorés, si bien qu’une relance termine un traitement interrompu
  --shard I/N       seulement la part de la liste revenant à ce processus&#xa0;: les morceaux dont le hachage du chemin vaut I mod N
  --manifest FILE   ajoute une ligne JSON par morceau (par défaut avec --from-list&#xa0;: OUTDIR/manifest.jsonl)
  --cache DIR       conserve les stems séparés dans DIR et les réutilise pour un morceau déjà traité avec le même modèle
                    (le cache de l’application&#xa0;: $XDG_CACHE_HOME/stemcrate/stems)
</translation>
    </message>
    <message>
        <source>--segment needs 0 or a length in seconds between 0.1 and 3600, got &apos;%1&apos;</source>
        <translation>--segment attend 0 ou une durée en secondes entre 0.1 et 3600, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--overlap needs a fraction between 0 and 0.5, got &apos;%1&apos;</source>
        <translation>--overlap attend une fraction entre 0 et 0.5, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--batch needs a whole number between 1 and 256, got &apos;%1&apos;</source>
        <translation>--batch attend un nombre entier entre 1 et 256, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--threads needs a whole number of at least 1, got &apos;%1&apos;</source>
        <translation>--threads attend un nombre entier supérieur ou égal à 1, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--device must be cpu or cuda, got &apos;%1&apos;</source>
        <translation>--device doit valoir cpu ou cuda, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--format must be wav or flac, got &apos;%1&apos;</source>
        <translation>--format doit valoir wav ou flac, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>FLAC cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>FLAC ne peut pas stocker de flottants 32 bits&#xa0;; utilisez --bit-depth 16 ou 24</translation>
    </message>
    <message>
        <source>missing -o OUTDIR</source>
        <translation>il manque -o OUTDIR</translation>
    </message>
    <message>
        <source>--shard needs I/N with 0 &lt;= I &lt; N, got &apos;%1&apos;</source>
        <translation>--shard attend I/N avec 0 &lt;= I &lt; N, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--shard needs --from-list</source>
        <translation>--shard nécessite --from-list</translation>
    </message>
    <message>
        <source>--cache needs a folder</source>
        <translation>--cache attend un dossier</translation>
    </message>
    <message>
        <source>give INPUT files or --from-list, not both</source>
        <translation>indiquez des fichiers INPUT ou --from-list, pas les deux</translation>
    </message>
    <message>
        <source>no INPUT files given</source>
        <translation>aucun fichier INPUT indiqué</translation>
    </message>
    <message>
        <source>downloading the separation model</source>
        <translation>téléchargement du modèle de séparation</translation>
    </message>
    <message>
        <source>not separated: no usable model</source>
        <translation>non séparé&#xa0;: aucun modèle utilisable</translation>
    </message>
    <message>
        <source>not separated: the model could not be loaded</source>
        <translation>non séparé&#xa0;: le modèle n’a pas pu être chargé</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>  --format stem.mp4 one NI Stems file per song, OUTDIR/&lt;input name&gt;/&lt;input name&gt;.stem.mp4: the mix
                    (the sum of the stems) and the four stems (Traktor, Mixxx 2.6)
  --stem-codec aac|alac  for stem.mp4 (default aac, 256 kb/s per track; alac is lossless)
  --stems LIST      write only these stems, e.g. drums,vocals
  --mix LIST        also write mixes of stems as one file each: instrumental (all but vocals),
                    acapella (vocals), drumless, or NAME=STEM+STEM (e.g. groove=drums+bass);
                    without --stems only the mixes are written
</source>
        <translation>  --format stem.mp4 un fichier NI Stems par morceau, OUTDIR/&lt;nom de l’entrée&gt;/&lt;nom de l’entrée&gt;.stem.mp4&#xa0;: le mix
                    (la somme des stems) et les quatre stems (Traktor, Mixxx 2.6)
  --stem-codec aac|alac  pour stem.mp4 (aac par défaut, 256 kb/s par piste&#xa0;; alac est sans perte)
  --stems LIST      n’écrit que ces stems, p. ex. drums,vocals
  --mix LIST        écrit aussi des mixes de stems, un fichier chacun&#xa0;: instrumental (tous sauf vocals),
                    acapella (vocals), drumless, ou NAME=STEM+STEM (p. ex. groove=drums+bass)&#xa0;;
                    sans --stems, seuls les mixes sont écrits
</translation>
    </message>
    <message>
        <source>--stem-codec needs --format stem.mp4</source>
        <translation>--stem-codec nécessite --format stem.mp4</translation>
    </message>
    <message>
        <source>--stem-codec must be aac or alac, got &apos;%1&apos;</source>
        <translation>--stem-codec doit valoir aac ou alac, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--format stem.mp4 always holds the mix and all four stems; it takes no --stems, --mix or --bit-depth</source>
        <translation>--format stem.mp4 contient toujours le mix et les quatre stems&#xa0;; il n’accepte ni --stems, ni --mix, ni --bit-depth</translation>
    </message>
    <message>
        <source>--stems needs a list, e.g. drums,vocals</source>
        <translation>--stems attend une liste, p. ex. drums,vocals</translation>
    </message>
    <message>
        <source>Prints the samples of the library folder DIR that sound most like FILE, nearest first, one JSON
object per line: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   the sample library folder (searched recursively)
  -n N            how many to print (default 10)
  --index PATH    where the folder&apos;s index is kept (default: in ~/.cache/stemcrate/library)
</source>
        <translation>Affiche les samples du dossier de bibliothèque DIR qui sonnent le plus comme FILE, du plus proche au moins proche, un objet
JSON par ligne&#xa0;: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   le dossier de la bibliothèque de samples (parcouru récursivement)
  -n N            nombre de résultats à afficher (10 par défaut)
  --index PATH    emplacement de l’index du dossier (par défaut&#xa0;: dans ~/.cache/stemcrate/library)
</translation>
    </message>
    <message>
        <source>give one FILE</source>
        <translation>indiquez un seul FILE</translation>
    </message>
    <message>
        <source>--library DIR is required</source>
        <translation>--library DIR est obligatoire</translation>
    </message>
    <message>
        <source>-n must be a whole number from 1 to 100000</source>
        <translation>-n doit être un nombre entier de 1 à 100000</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>ce n’est pas un dossier</translation>
    </message>
    <message>
        <source>note: %1; reading the folder afresh</source>
        <translation>note: %1&#xa0;; le dossier est relu entièrement</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>no audio to compare</source>
        <translation>aucun audio à comparer</translation>
    </message>
    <message>
        <source>%1: stems from the cache</source>
        <translation>%1&#xa0;: stems depuis le cache</translation>
    </message>
    <message>
        <source>Time-stretches INPUT to a tempo and shifts it to a key (Rubber Band R3); at least one of --bpm,
--semitones, --to-key. The output has round(frames x from-bpm / bpm) frames.
  --bpm B          target tempo (1..999)
  --from-bpm A     INPUT&apos;s tempo (default: its BPM tag, else its analysis)
  --semitones N    shift by N semitones (-24..24, fractions allowed)
  --to-key K       shift into key K by the nearest transposition (+-6 semitones); a key of the
                   other mode counts as its relative (&quot;A minor&quot; into &quot;C major&quot;: no shift).
                   Keys: &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot;, &quot;C&quot;, Camelot &quot;8A&quot;, Open Key &quot;1m&quot;
  --from-key K     INPUT&apos;s key (default: its key tag, else its analysis)
  --loop           INPUT is a loop: stretched circularly, so it stays seamless; loop points
  --formants       keep the formants when shifting (voices)
  --format, --bit-depth, --no-dither, --name, -o   as for &apos;export&apos; (default format from -o,
                   else wav; 32f for wav, 24 for flac and aiff); an existing file is never replaced
</source>
        <translation>Étire INPUT à un tempo (time-stretch) et le transpose dans une tonalité (Rubber Band R3)&#xa0;; au moins une option parmi --bpm,
--semitones, --to-key. La sortie compte round(frames x from-bpm / bpm) frames.
  --bpm B          tempo cible (1..999)
  --from-bpm A     tempo d’INPUT (par défaut&#xa0;: son tag BPM, sinon son analyse)
  --semitones N    transpose de N demi-tons (-24..24, fractions permises)
  --to-key K       transpose dans la tonalité K par la transposition la plus courte (±6 demi-tons)&#xa0;; une tonalité
                   de l’autre mode compte comme sa relative (&quot;A minor&quot; vers &quot;C major&quot;&#xa0;: pas de transposition).
                   Tonalités&#xa0;: &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot;, &quot;C&quot;, Camelot &quot;8A&quot;, Open Key &quot;1m&quot;
  --from-key K     tonalité d’INPUT (par défaut&#xa0;: son tag de tonalité, sinon son analyse)
  --loop           INPUT est une boucle&#xa0;: étirée de façon circulaire, elle reste sans raccord audible&#xa0;; points de boucle
  --formants       préserve les formants lors de la transposition (voix)
  --format, --bit-depth, --no-dither, --name, -o   comme pour &apos;export&apos; (format par défaut d’après -o,
                   sinon wav&#xa0;; 32f pour wav, 24 pour flac et aiff)&#xa0;; un fichier existant n’est jamais remplacé
</translation>
    </message>
    <message>
        <source>--from-bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--from-bpm attend un tempo entre 1 et 999, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--from-bpm needs --bpm</source>
        <translation>--from-bpm nécessite --bpm</translation>
    </message>
    <message>
        <source>give either --semitones or --to-key, not both</source>
        <translation>indiquez --semitones ou --to-key, pas les deux</translation>
    </message>
    <message>
        <source>--semitones needs a number between -24 and 24, got &apos;%1&apos;</source>
        <translation>--semitones attend un nombre entre -24 et 24, valeur reçue&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a key (try &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; or &quot;8A&quot;)</source>
        <translation>--%1 «&#xa0;%2&#xa0;» n’est pas une tonalité (essayez &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; ou &quot;8A&quot;)</translation>
    </message>
    <message>
        <source>--from-key needs --to-key</source>
        <translation>--from-key nécessite --to-key</translation>
    </message>
    <message>
        <source>give --bpm, --semitones or --to-key</source>
        <translation>indiquez --bpm, --semitones ou --to-key</translation>
    </message>
    <message>
        <source>cannot find its tempo (%1); give --from-bpm</source>
        <translation>impossible de trouver son tempo (%1)&#xa0;; indiquez --from-bpm</translation>
    </message>
    <message>
        <source>cannot find its key (%1); give --from-key</source>
        <translation>impossible de trouver sa tonalité (%1)&#xa0;; indiquez --from-key</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>reste %1</translation>
    </message>
    <message numerus="yes">
        <source>found %n slice(s), more than the 92 keys from C1 up</source>
        <translation>
            <numerusform>%n tranche trouvée, plus que les 92 touches disponibles à partir de C1</numerusform>
            <numerusform>%n tranches trouvées, plus que les 92 touches disponibles à partir de C1</numerusform>
        </translation>
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
    <name>stemcrate::ui::EngineLabel</name>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>CUDA, %1</source>
        <translation>CUDA, %1</translation>
    </message>
    <message>
        <source>CUDA (%1), %2</source>
        <translation>CUDA (%1), %2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation>
            <numerusform>CPU, %n thread, %1</numerusform>
            <numerusform>CPU, %n threads, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportActions</name>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>&amp;Exporter la sélection…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>Sélectionnez d’abord une zone&#xa0;: faites glisser la souris sur une piste.</translation>
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
        <source>Exporting the kit…</source>
        <translation>Export du kit…</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <comment>one-shots found in the drum stem</comment>
        <translation>
            <numerusform>%n frappe</numerusform>
            <numerusform>%n frappes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <comment>groups of similar hits</comment>
        <translation>
            <numerusform>%n groupe</numerusform>
            <numerusform>%n groupes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>12 hits in 4 groups</comment>
        <translation>%1 en %2</translation>
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
    <message>
        <source>Move Sample to Trash</source>
        <translation>Mettre le sample à la corbeille</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being analysed; try again in a moment.</source>
        <translation>«&#xa0;%1&#xa0;» est encore en cours d’analyse&#xa0;; réessayez dans un instant.</translation>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
    <name>stemcrate::ui::SelectionExport</name>
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
    <message>
        <source>Automatic (CUDA GPU when available)</source>
        <translation>Automatique (GPU CUDA si disponible)</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Exécution sur&#xa0;:</translation>
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
    <name>stemcrate::ui::SongsPanel</name>
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
        <source>Remove Song</source>
        <translation>Retirer le morceau</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Morceaux</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportActions</name>
    <message>
        <source>Export S&amp;tems…</source>
        <translation>Exporter les &amp;stems…</translation>
    </message>
    <message>
        <source>The song&apos;s stems are not separated yet.</source>
        <translation>Les stems du morceau ne sont pas encore séparés.</translation>
    </message>
    <message>
        <source>A stem export is already running.</source>
        <translation>Un export de stems est déjà en cours.</translation>
    </message>
    <message>
        <source>Exported stems to %1</source>
        <translation>Stems exportés dans %1</translation>
    </message>
    <message>
        <source>Stem export failed: %1</source>
        <translation>Échec de l’export des stems&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportDialog</name>
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
        <source>Export Stems</source>
        <translation>Exporter les stems</translation>
    </message>
    <message>
        <source>Stems</source>
        <translation>Stems</translation>
    </message>
    <message>
        <source>Mixes</source>
        <translation>Mixes</translation>
    </message>
    <message>
        <source>Instrumental (every stem but vocals)</source>
        <translation>Instrumental (tous les stems sauf la voix)</translation>
    </message>
    <message>
        <source>Acapella (vocals only)</source>
        <translation>A cappella (la voix seule)</translation>
    </message>
    <message>
        <source>Drumless (every stem but drums)</source>
        <translation>Sans batterie (tous les stems sauf la batterie)</translation>
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
        <source>AIFF</source>
        <translation>AIFF</translation>
    </message>
    <message>
        <source>NI Stems (.stem.mp4, AAC)</source>
        <translation>NI Stems (.stem.mp4, AAC)</translation>
    </message>
    <message>
        <source>NI Stems (.stem.mp4, ALAC lossless)</source>
        <translation>NI Stems (.stem.mp4, ALAC sans perte)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export Stems To</source>
        <translation>Exporter les stems vers</translation>
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
    <name>stemcrate::ui::TimelinePanel</name>
    <message>
        <source>Drop songs here</source>
        <translation>Déposez des morceaux ici</translation>
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
        <source>Play</source>
        <translation>Lecture</translation>
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
        <source>Cycle Snapping</source>
        <translation>Changer de mode de magnétisme</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Désélectionner</translation>
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
        <source>Spectrogram</source>
        <translation>Spectrogramme</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>Magnétisme&#xa0;: </translation>
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
