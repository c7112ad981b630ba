<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>KitExport</name>
    <message>
        <source>Export failed: %1</source>
        <translation>書き出しに失敗しました：%1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 を書き出しました</translation>
    </message>
</context>
<context>
    <name>ProjectFitController</name>
    <message>
        <source>%1 → %2 BPM</source>
        <translation>%1 → %2 BPM</translation>
    </message>
    <message numerus="yes">
        <source>+%n semitone(s)</source>
        <comment>a shift up</comment>
        <translation>
            <numerusform>+%n 半音</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-%n semitone(s)</source>
        <comment>a shift down</comment>
        <translation>
            <numerusform>-%n 半音</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 semitones</source>
        <comment>a fractional shift, e.g. +1.5</comment>
        <translation>%1 半音</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Separate songs into stems and mine samples.</source>
        <translation>曲をステムに分離し、サンプルを切り出します。</translation>
    </message>
    <message>
        <source>Songs or folders to open.</source>
        <translation>開く曲またはフォルダ。</translation>
    </message>
    <message>
        <source>Separation model file.</source>
        <translation>分離モデルのファイル。</translation>
    </message>
    <message>
        <source>Do not download the model on first run.</source>
        <translation>初回起動時にモデルをダウンロードしません。</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>ウィンドウの画像を保存して終了します。</translation>
    </message>
    <message>
        <source>settings, export or shortcuts.</source>
        <translation>settings、export、shortcuts のいずれか。</translation>
    </message>
    <message>
        <source>Select FROM:TO seconds (screenshots).</source>
        <translation>FROM:TO 秒の範囲を選択します（スクリーンショット用）。</translation>
    </message>
    <message>
        <source>Show spectrograms (screenshots).</source>
        <translation>スペクトログラムを表示します（スクリーンショット用）。</translation>
    </message>
    <message>
        <source>Grab while separating (screenshots).</source>
        <translation>分離中に撮影します（スクリーンショット用）。</translation>
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
        <translation>ファイルごとに 1 つの JSON オブジェクトを 1 行で表示します：path, duration_s, bpm, bpm_confidence,
tempo_source, beats_s, downbeats_s, key, key_camelot, key_confidence, loudness_lufs,
true_peak_dbtp, onsets_s, loops [{start_s, end_s, bars, score}]、--stems 指定時はさらに stems
[{name, loudness_lufs, true_peak_dbtp, onsets_s, loops}]。不明な値は null です。調性のない素材（ドラム）では
key は null になります。
  --stems DIR        &apos;stemcrate-cli separate -o DIR&apos; が各 FILE について書き出したステムを解析
                     （DIR/&lt;ファイル名&gt;/{drums,bass,other,vocals}.wav または .flac）
  --sensitivity S    オンセット検出の感度、0（最も強いヒットのみ）〜 1（デフォルト 0.5）
  --bpm BPM          テンポを BPM（20-400）とする：検出したビートグリッドに重ねてこのテンポで
                     グリッドを敷き、ループもそれに従う（tempo_source &quot;user&quot;）
  --key KEY          キーを KEY とする（&quot;F# minor&quot;、&quot;Bbm&quot;、&quot;Eb&quot;、Camelot &quot;8A&quot;）
</translation>
    </message>
    <message>
        <source>no %1 stem in %2</source>
        <translation>%2 に %1 のステムがありません</translation>
    </message>
    <message>
        <source>no FILE given</source>
        <translation>FILE が指定されていません</translation>
    </message>
    <message>
        <source>--sensitivity must be a number from 0 to 1</source>
        <translation>--sensitivity には 0〜1 の数値を指定してください</translation>
    </message>
    <message>
        <source>--bpm needs a tempo from 20 to 400, got &apos;%1&apos;</source>
        <translation>--bpm には 20〜400 のテンポを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--key needs a key such as &quot;F# minor&quot;, &quot;Bbm&quot; or &quot;8A&quot;, got &apos;%1&apos;</source>
        <translation>--key には &quot;F# minor&quot;、&quot;Bbm&quot;、&quot;8A&quot; のようなキーを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--stems: &apos;%1&apos; is not a folder</source>
        <translation>--stems：「%1」はフォルダではありません</translation>
    </message>
    <message>
        <source>option --%1 takes no value</source>
        <translation>オプション --%1 は値を取りません</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>オプション %1 には値が必要です</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>不明なオプション %1</translation>
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
        <translation>INPUT の範囲 [start, end)（44.1 kHz ステレオにデコード）を書き出し、書き出したパスを表示します。
  --fade-ms MS        フェードイン／アウト（デフォルト 0）。--fade-in-ms / --fade-out-ms で片側のみ設定
  --fade-curve C      linear（デフォルト）または equal-power
  --loop              クリックのないループ処理（クロスフェード、長さは維持）とファイル内のループポイント
  --snap MODE         両端を最も近いゼロクロスへ移動（デフォルト off）
  --snap-window-ms MS ゼロクロスを探す範囲（デフォルト 10）
  --format F          デフォルト：OUTPUT の拡張子から判断、なければ wav
  --bit-depth D       デフォルトは wav で 32f（サンプル単位で正確なコピー）、flac と aiff で 24
  --no-dither         16 / 24 ビットで書き出すときに TPDF ディザをかけない
  --normalize         ピークを --peak-db に合わせる（デフォルト -0.1 dBFS）
  --stem, --bpm, --key  タグ（デフォルト：stem = INPUT の名前、bpm と key は INPUT のタグから）
  --name TEMPLATE     -o がフォルダのときのファイル名（デフォルト
                      &quot;{artist} - {title} - {stem} - {bpm}bpm {key} - {index}&quot;）
</translation>
    </message>
    <message>
        <source>--%1 needs milliseconds between 0 and 60000, got &apos;%2&apos;</source>
        <translation>--%1 には 0〜60000 のミリ秒を指定してください（指定値：「%2」）</translation>
    </message>
    <message>
        <source>no INPUT file given</source>
        <translation>INPUT ファイルが指定されていません</translation>
    </message>
    <message>
        <source>give exactly one INPUT file</source>
        <translation>INPUT ファイルを 1 つだけ指定してください</translation>
    </message>
    <message>
        <source>missing --%1 SECONDS</source>
        <translation>--%1 SECONDS が指定されていません</translation>
    </message>
    <message>
        <source>--%1 needs seconds between 0 and 10800, got &apos;%2&apos;</source>
        <translation>--%1 には 0〜10800 の秒数を指定してください（指定値：「%2」）</translation>
    </message>
    <message>
        <source>--end must be after --start</source>
        <translation>--end は --start より後にしてください</translation>
    </message>
    <message>
        <source>--fade-curve must be linear or equal-power, got &apos;%1&apos;</source>
        <translation>--fade-curve には linear または equal-power を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--snap must be off, any or rising, got &apos;%1&apos;</source>
        <translation>--snap には off、any、rising のいずれかを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--peak-db needs dBFS between -99 and 0, got &apos;%1&apos;</source>
        <translation>--peak-db には -99〜0 の dBFS 値を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--format must be wav, flac or aiff, got &apos;%1&apos;</source>
        <translation>--format には wav、flac、aiff のいずれかを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--bit-depth must be 16, 24 or 32f, got &apos;%1&apos;</source>
        <translation>--bit-depth には 16、24、32f のいずれかを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--bpm には 1〜999 のテンポを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>missing -o OUTPUT_FILE_OR_DIR</source>
        <translation>-o OUTPUT_FILE_OR_DIR が指定されていません</translation>
    </message>
    <message>
        <source>the region ends at %1 s, after the end of the audio (%2 s)</source>
        <translation>範囲の終わり（%1 秒）がオーディオの終わり（%2 秒）より後にあります</translation>
    </message>
    <message>
        <source>%1 cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>%1 には 32 ビット浮動小数点を保存できません。--bit-depth 16 または 24 を使用してください</translation>
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
        <translation>使い方：stemcrate-cli &lt;command&gt; [options]

コマンド：
  separate   曲をドラム、ベース、その他、ボーカルのステムに分離
  probe      オーディオファイルのフォーマット、長さ、タグを JSON 行で表示
  export     オーディオファイルの範囲をサンプルとして切り出し（WAV、FLAC、AIFF）
  analyze    オーディオファイルのテンポ、ビート、キー、ラウドネス、オンセット、ループを JSON 行で表示
  loops      1/2/4/8 小節のループ候補をステムごとにランク付けして JSON 行で表示
  chop       範囲を（等分、ビート、トランジェントで）スライスしてサンプル + SFZ/Decent Sampler に
  oneshots   ステムのヒットを切り出し・分類・グループ化してドラムキット + SFZ/Decent Sampler に
  similar    ライブラリフォルダ内でファイルに最もサウンドが近いサンプルを JSON 行で表示
  stretch    ファイルをテンポとキーに合わせてタイムストレッチ／ピッチシフト（Rubber Band R3）

コマンドのオプションは &apos;stemcrate-cli &lt;command&gt; --help&apos; で表示されます。
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>不明なコマンド「%1」</translation>
    </message>
    <message>
        <source>Prints ranked 1, 2, 4 and 8-bar loop suggestions on downbeats, one JSON object per line: path,
stem, start_s, end_s, bars, score (0..1), bpm, key (null when unknown or for drums).
  --stems DIR   suggest loops in the stems &apos;stemcrate-cli separate -o DIR&apos; wrote for each INPUT
                (the beat grid from the drums); without it, in INPUT itself (stem &quot;mix&quot;)
</source>
        <translation>ダウンビートから始まる 1、2、4、8 小節のループ候補をランク順に、1 行に 1 つの JSON オブジェクトで表示します：path,
stem, start_s, end_s, bars, score（0..1）, bpm, key（不明な場合とドラムでは null）。
  --stems DIR   &apos;stemcrate-cli separate -o DIR&apos; が各 INPUT について書き出したステムからループを提案
                （ビートグリッドはドラムから）。指定しない場合は INPUT 自体から（stem &quot;mix&quot;）
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
        <translation>INPUT の範囲 [start, end) をスライスに分割して DIR/&lt;name&gt;-01.wav ...（24 ビット WAV、
短いフェード、境界はゼロクロス上）と、それらを C1（MIDI 36）から半音ずつ割り当てる DIR/&lt;name&gt;.sfz と
DIR/&lt;name&gt;.dspreset を書き出します。スライスごとに 1 行の JSON を表示します：index, start_s, end_s, note, file。
  --slices N      N 等分（1〜92）
  --beats         ビートごとに 1 スライス（INPUT 全体のビートグリッド）
  --transients    トランジェントごとに 1 スライス
  --sensitivity S トランジェント検出の感度、0（最も強いもののみ）〜 1（デフォルト 0.5）
  --name NAME     ファイル名のベース部分（デフォルト：INPUT の名前）
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
        <translation>各 INPUT（ドラムのステムなど）のヒットをすべて検出し、オンセットから減衰の終わりまでをトリミングして
分類し（kick, snare, clap, hat_closed, hat_open, cymbal, tom, perc, tonal）、ほぼ同じヒットをグループ化します。
INPUT ごとのキットを DIR に書き出します：&lt;name&gt;-&lt;class&gt;-&lt;n&gt;.wav をグループごとに 1 つ（最もクリーンな
ヒット）と、General MIDI のドラムノートに割り当てた &lt;name&gt;.sfz と &lt;name&gt;.dspreset（&lt;name&gt; = INPUT の名前）。
ヒットごとに 1 行の JSON を表示します：path, start_s, class, confidence, group, file（そのグループのサンプル）。
  --sensitivity S オンセット検出の感度、0（最も強いもののみ）〜 1（デフォルト 0.6）
</translation>
    </message>
    <message>
        <source>the stems in %1 differ in length</source>
        <translation>%1 内のステムの長さが一致しません</translation>
    </message>
    <message>
        <source>no steady beat found, so no bar-aligned loops (is it at least 4 seconds long?)</source>
        <translation>安定したビートが見つからないため、小節に揃ったループを作れません（長さは 4 秒以上ありますか？）</translation>
    </message>
    <message>
        <source>no INPUT given</source>
        <translation>INPUT が指定されていません</translation>
    </message>
    <message>
        <source>give exactly one INPUT</source>
        <translation>INPUT を 1 つだけ指定してください</translation>
    </message>
    <message>
        <source>give one of --slices N, --beats or --transients</source>
        <translation>--slices N、--beats、--transients のいずれかを指定してください</translation>
    </message>
    <message>
        <source>--slices needs a whole number from 1 to 92, got &apos;%1&apos;</source>
        <translation>--slices には 1〜92 の整数を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>missing -o DIR</source>
        <translation>-o DIR が指定されていません</translation>
    </message>
    <message>
        <source>no hits found</source>
        <translation>ヒットが見つかりません</translation>
    </message>
    <message>
        <source>Prints one JSON object per file (one line each): path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags.
  --exact   decode each file for its exact length at 44.1 kHz (slower); without it the
            length comes from the container&apos;s header
</source>
        <translation>ファイルごとに 1 つの JSON オブジェクトを 1 行で表示します：path, codec, sample_rate, channels,
duration_s, frames_44k1, frames_exact, title, artist, album, tags。
  --exact   各ファイルをデコードして 44.1 kHz での正確な長さを求めます（低速）。指定しない場合、
            長さはコンテナのヘッダーから取得します
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
        <translation>OUTDIR/&lt;入力ファイル名&gt;/{drums,bass,other,vocals}.&lt;format&gt; を入力と同じ長さで書き出し、続いて
OUTDIR/&lt;入力ファイル名&gt;/.stemcrate-complete.json（各ステムのサイズとハッシュ）を書き出します。
  --model PATH      HDemucs チェックポイント（デフォルト：ダウンロードした HDEMUCS_HIGH_MUSDB_PLUS）
  --segment SECONDS ウィンドウの長さ（デフォルト %1）。0 = 曲全体を 1 つのウィンドウで処理
  --overlap FRACTION ウィンドウ間のオーバーラップ、0..0.5（デフォルト %2：%3 秒）
  --batch N         1 回のフォワードパスで処理するウィンドウ数（デフォルト cpu で 1、cuda で %4）
  --threads N       計算スレッド数（デフォルト：全コア。GPU 使用時は 1）
  --device cpu|cuda （デフォルト cpu）
  --format wav|flac （デフォルト wav）
  --bit-depth 16|24|32f （デフォルト wav で 32f、flac で 24）
  --from-list FILE  FILE に列挙した曲を分離（1 行に 1 パス）。ステムが揃っていて変更のない曲は
                    スキップされるため、再実行すると中断した処理を最後まで終えられます
  --shard I/N       リストのうちこのプロセスの担当分のみ：パスのハッシュ値を N で割った余りが I の曲
  --manifest FILE   曲ごとに 1 行の JSON を追記（--from-list 使用時のデフォルト：OUTDIR/manifest.jsonl）
  --cache DIR       分離したステムを DIR に保存し、同じモデルで処理したことのある曲に再利用
                    （アプリのキャッシュ：$XDG_CACHE_HOME/stemcrate/stems）
</translation>
    </message>
    <message>
        <source>--segment needs 0 or a length in seconds between 0.1 and 3600, got &apos;%1&apos;</source>
        <translation>--segment には 0 または 0.1〜3600 の秒数を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--overlap needs a fraction between 0 and 0.5, got &apos;%1&apos;</source>
        <translation>--overlap には 0〜0.5 の割合を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--batch needs a whole number between 1 and 256, got &apos;%1&apos;</source>
        <translation>--batch には 1〜256 の整数を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--threads needs a whole number of at least 1, got &apos;%1&apos;</source>
        <translation>--threads には 1 以上の整数を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--device must be cpu or cuda, got &apos;%1&apos;</source>
        <translation>--device には cpu または cuda を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--format must be wav or flac, got &apos;%1&apos;</source>
        <translation>--format には wav または flac を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>FLAC cannot store 32-bit float; use --bit-depth 16 or 24</source>
        <translation>FLAC には 32 ビット浮動小数点を保存できません。--bit-depth 16 または 24 を使用してください</translation>
    </message>
    <message>
        <source>missing -o OUTDIR</source>
        <translation>-o OUTDIR が指定されていません</translation>
    </message>
    <message>
        <source>--shard needs I/N with 0 &lt;= I &lt; N, got &apos;%1&apos;</source>
        <translation>--shard には 0 &lt;= I &lt; N を満たす I/N を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--shard needs --from-list</source>
        <translation>--shard には --from-list が必要です</translation>
    </message>
    <message>
        <source>--cache needs a folder</source>
        <translation>--cache にはフォルダを指定してください</translation>
    </message>
    <message>
        <source>give INPUT files or --from-list, not both</source>
        <translation>INPUT ファイルと --from-list は同時に指定できません</translation>
    </message>
    <message>
        <source>no INPUT files given</source>
        <translation>INPUT ファイルが指定されていません</translation>
    </message>
    <message>
        <source>downloading the separation model</source>
        <translation>分離モデルをダウンロード中</translation>
    </message>
    <message>
        <source>not separated: no usable model</source>
        <translation>分離されていません：使用できるモデルがありません</translation>
    </message>
    <message>
        <source>not separated: the model could not be loaded</source>
        <translation>分離されていません：モデルを読み込めませんでした</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断されました</translation>
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
        <translation>  --format stem.mp4 曲ごとに NI Stems ファイルを 1 つ、OUTDIR/&lt;入力ファイル名&gt;/&lt;入力ファイル名&gt;.stem.mp4：ミックス
                    （ステムの合計）と 4 つのステム（Traktor、Mixxx 2.6）
  --stem-codec aac|alac  stem.mp4 用（デフォルト aac、トラックあたり 256 kb/s。alac はロスレス）
  --stems LIST      指定したステムのみ書き出し（例：drums,vocals）
  --mix LIST        ステムのミックスもそれぞれ 1 ファイルとして書き出し：instrumental（vocals 以外すべて）、
                    acapella（vocals）、drumless、または NAME=STEM+STEM（例：groove=drums+bass）。
                    --stems を指定しない場合はミックスのみを書き出し
</translation>
    </message>
    <message>
        <source>--stem-codec needs --format stem.mp4</source>
        <translation>--stem-codec には --format stem.mp4 が必要です</translation>
    </message>
    <message>
        <source>--stem-codec must be aac or alac, got &apos;%1&apos;</source>
        <translation>--stem-codec には aac または alac を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--format stem.mp4 always holds the mix and all four stems; it takes no --stems, --mix or --bit-depth</source>
        <translation>--format stem.mp4 には常にミックスと 4 つのステムすべてが含まれるため、--stems、--mix、--bit-depth は指定できません</translation>
    </message>
    <message>
        <source>--stems needs a list, e.g. drums,vocals</source>
        <translation>--stems にはリストを指定してください（例：drums,vocals）</translation>
    </message>
    <message>
        <source>Prints the samples of the library folder DIR that sound most like FILE, nearest first, one JSON
object per line: rank, path, distance, name, stem, kind, class, bpm, key, duration_s.
  --library DIR   the sample library folder (searched recursively)
  -n N            how many to print (default 10)
  --index PATH    where the folder&apos;s index is kept (default: in ~/.cache/stemcrate/library)
</source>
        <translation>ライブラリフォルダ DIR 内で FILE に最もサウンドが近いサンプルを近い順に、1 行に 1 つの JSON
オブジェクトで表示します：rank, path, distance, name, stem, kind, class, bpm, key, duration_s。
  --library DIR   サンプルライブラリのフォルダ（サブフォルダも検索）
  -n N            表示する数（デフォルト 10）
  --index PATH    フォルダのインデックスの保存場所（デフォルト：~/.cache/stemcrate/library 内）
</translation>
    </message>
    <message>
        <source>give one FILE</source>
        <translation>FILE を 1 つ指定してください</translation>
    </message>
    <message>
        <source>--library DIR is required</source>
        <translation>--library DIR は必須です</translation>
    </message>
    <message>
        <source>-n must be a whole number from 1 to 100000</source>
        <translation>-n には 1〜100000 の整数を指定してください</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>フォルダではありません</translation>
    </message>
    <message>
        <source>note: %1; reading the folder afresh</source>
        <translation>note: %1。フォルダを最初から読み直します</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルが存在しません</translation>
    </message>
    <message>
        <source>no audio to compare</source>
        <translation>比較するオーディオがありません</translation>
    </message>
    <message>
        <source>%1: stems from the cache</source>
        <translation>%1：ステムをキャッシュから取得</translation>
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
        <translation>INPUT をテンポに合わせてタイムストレッチし、キーに合わせてピッチシフトします（Rubber Band R3）。--bpm、
--semitones、--to-key のうち少なくとも 1 つを指定します。出力は round(frames x from-bpm / bpm) フレームになります。
  --bpm B          目標テンポ（1..999）
  --from-bpm A     INPUT のテンポ（デフォルト：BPM タグ、なければ解析結果）
  --semitones N    N 半音シフト（-24..24、小数も可）
  --to-key K       最も近い移調（±6 半音以内）でキー K にシフト。異なるモードのキーは
                   平行調として扱う（&quot;A minor&quot; から &quot;C major&quot;：シフトなし）。
                   キー：&quot;A minor&quot;、&quot;F#m&quot;、&quot;Bb major&quot;、&quot;C&quot;、Camelot &quot;8A&quot;、Open Key &quot;1m&quot;
  --from-key K     INPUT のキー（デフォルト：キータグ、なければ解析結果）
  --loop           INPUT はループ：循環的にストレッチして継ぎ目なく保ち、ループポイントも書き込む
  --formants       シフト時にフォルマントを保持（ボーカル向け）
  --format, --bit-depth, --no-dither, --name, -o   &apos;export&apos; と同じ（デフォルトのフォーマットは -o から、
                   なければ wav。wav は 32f、flac と aiff は 24）。既存のファイルは上書きしません
</translation>
    </message>
    <message>
        <source>--from-bpm needs a tempo between 1 and 999, got &apos;%1&apos;</source>
        <translation>--from-bpm には 1〜999 のテンポを指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--from-bpm needs --bpm</source>
        <translation>--from-bpm には --bpm が必要です</translation>
    </message>
    <message>
        <source>give either --semitones or --to-key, not both</source>
        <translation>--semitones と --to-key はどちらか一方のみ指定してください</translation>
    </message>
    <message>
        <source>--semitones needs a number between -24 and 24, got &apos;%1&apos;</source>
        <translation>--semitones には -24〜24 の数値を指定してください（指定値：「%1」）</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a key (try &quot;A minor&quot;, &quot;F#m&quot;, &quot;Bb major&quot; or &quot;8A&quot;)</source>
        <translation>--%1「%2」はキーではありません（&quot;A minor&quot;、&quot;F#m&quot;、&quot;Bb major&quot;、&quot;8A&quot; などを指定してください）</translation>
    </message>
    <message>
        <source>--from-key needs --to-key</source>
        <translation>--from-key には --to-key が必要です</translation>
    </message>
    <message>
        <source>give --bpm, --semitones or --to-key</source>
        <translation>--bpm、--semitones、--to-key のいずれかを指定してください</translation>
    </message>
    <message>
        <source>cannot find its tempo (%1); give --from-bpm</source>
        <translation>テンポを取得できません（%1）。--from-bpm を指定してください</translation>
    </message>
    <message>
        <source>cannot find its key (%1); give --from-key</source>
        <translation>キーを取得できません（%1）。--from-key を指定してください</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>残り %1</translation>
    </message>
    <message numerus="yes">
        <source>found %n slice(s), more than the 92 keys from C1 up</source>
        <translation>
            <numerusform>%n 個のスライスが見つかりました。C1 から上の 92 鍵を超えています</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelDownloader</name>
    <message>
        <source>Another Stemcrate is already downloading the separation model to %1. Wait for it to finish, or pass --model PATH.</source>
        <translation>別の Stemcrate が分離モデルを %1 にダウンロード中です。完了するまで待つか、--model PATH を指定してください。</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (the folder is not writable). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>分離モデルを %1 に保存できませんでした（フォルダに書き込めません）。別の場所にあるモデルファイルを使うには --model PATH を指定してください。</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Pass --model PATH to use a model file from elsewhere.</source>
        <translation>分離モデルを %1 に保存できませんでした（%2）。別の場所にあるモデルファイルを使うには --model PATH を指定してください。</translation>
    </message>
    <message>
        <source>The model download was stopped. The %1 received so far are kept in %2, and the next start resumes from there.</source>
        <translation>モデルのダウンロードを中止しました。受信済みの %1 は %2 に保存されており、次回の起動時にそこから再開します。</translation>
    </message>
    <message>
        <source>Could not save the separation model to %1 (%2). Free some disk space, or pass --model PATH.</source>
        <translation>分離モデルを %1 に保存できませんでした（%2）。ディスクの空き容量を増やすか、--model PATH を指定してください。</translation>
    </message>
    <message>
        <source>the server refused to resume the partial download</source>
        <translation>サーバーが途中からのダウンロード再開を拒否しました</translation>
    </message>
    <message>
        <source>the server resumed at the wrong place</source>
        <translation>サーバーが誤った位置から再開しました</translation>
    </message>
    <message>
        <source>the download ended after %1 of %2; starting again resumes it</source>
        <translation>%2 のうち %1 でダウンロードが終了しました。もう一度開始すると続きから再開します</translation>
    </message>
    <message>
        <source>Could not move the downloaded model from %1 to %2 (%3).</source>
        <translation>ダウンロードしたモデルを %1 から %2 に移動できませんでした（%3）。</translation>
    </message>
    <message>
        <source>the server sent a web page instead of the model file</source>
        <translation>サーバーがモデルファイルではなく Web ページを返しました</translation>
    </message>
    <message>
        <source>the server sent something that is not a PyTorch model file</source>
        <translation>サーバーが PyTorch のモデルファイルではないものを返しました</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>ホストが見つかりません</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>接続が拒否されました</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>接続がタイムアウトしました</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>the connection broke off after %1 of %2; starting again resumes it</source>
        <translation>%2 のうち %1 で接続が切断されました。もう一度開始すると続きから再開します</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>サーバーが接続を閉じました</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>ネットワークに接続されていません</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>安全な接続に失敗しました：%1</translation>
    </message>
    <message>
        <source>Could not download the separation model (%1). Download %2 on a connected machine and copy it to %3, or pass --model PATH.</source>
        <translation>分離モデルをダウンロードできませんでした（%1）。ネットワークに接続されたマシンで %2 をダウンロードして %3 にコピーするか、--model PATH を指定してください。</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelSetup</name>
    <message>
        <source>The separation model is ready.</source>
        <translation>分離モデルの準備ができました。</translation>
    </message>
    <message>
        <source>The separation model file &apos;%1&apos; does not exist. Choose the model file, or download the default model.</source>
        <translation>分離モデルのファイル「%1」が存在しません。モデルファイルを選択するか、デフォルトのモデルをダウンロードしてください。</translation>
    </message>
    <message>
        <source>Stemcrate needs its separation model (about 320 MB) once. Download it, or put %1 at %2.</source>
        <translation>Stemcrate には分離モデル（約 320 MB）が必要です（初回のみ）。ダウンロードするか、%1 を %2 に置いてください。</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>分離モデル</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch チェックポイント (*.pt *.pth);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>stemcrate::ModelStore</name>
    <message>
        <source>The model file %1 does not exist. Check the path given with --model or in the settings (%2).</source>
        <translation>モデルファイル %1 が存在しません。--model または設定（%2）で指定したパスを確認してください。</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ChopPanel</name>
    <message>
        <source>Chop</source>
        <translation>チョップ</translation>
    </message>
    <message>
        <source>Export slices…</source>
        <translation>スライスを書き出し...</translation>
    </message>
    <message>
        <source>Equal parts</source>
        <translation>等分割</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>ビート</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>トランジェント</translation>
    </message>
    <message>
        <source>Select a region on a lane, then Chop. Keys 1-9 and 0 play the slices.</source>
        <translation>レーン上で範囲を選択してから「チョップ」を押します。キー 1〜9 と 0 でスライスを再生します。</translation>
    </message>
    <message>
        <source>Select a region on a lane first.</source>
        <translation>先にレーン上で範囲を選択してください。</translation>
    </message>
    <message>
        <source>That part is still being separated.</source>
        <translation>その部分はまだ分離中です。</translation>
    </message>
    <message>
        <source>Chopping…</source>
        <translation>チョップ中...</translation>
    </message>
    <message>
        <source>Cannot chop: %1</source>
        <translation>チョップできません：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s): keys 1-9 and 0 or the pads play them.</source>
        <translation>
            <numerusform>スライス %n 個：キー 1〜9 と 0、またはパッドで再生します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting slices…</source>
        <translation>スライスを書き出し中...</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::EngineLabel</name>
    <message>
        <source>checking…</source>
        <translation>確認中...</translation>
    </message>
    <message>
        <source>CUDA, %1</source>
        <translation>CUDA、%1</translation>
    </message>
    <message>
        <source>CUDA (%1), %2</source>
        <translation>CUDA（%1）、%2</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s), %1</source>
        <translation>
            <numerusform>CPU、%n スレッド、%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportActions</name>
    <message>
        <source>&amp;Export Selection…</source>
        <translation>選択範囲を書き出し(&amp;E)...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 を書き出しました</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>書き出しに失敗しました：%1</translation>
    </message>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>先に範囲を選択してください：レーン上をドラッグします。</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ExportDialog</name>
    <message>
        <source>Export Selection</source>
        <translation>選択範囲を書き出し</translation>
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
        <translation>フォーマット：</translation>
    </message>
    <message>
        <source>Bit depth:</source>
        <translation>ビット深度：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Fade in:</source>
        <translation>フェードイン：</translation>
    </message>
    <message>
        <source>Fade out:</source>
        <translation>フェードアウト：</translation>
    </message>
    <message>
        <source>Loop (seamless wrap, loop points in the file)</source>
        <translation>ループ（継ぎ目なくつなげ、ループポイントをファイルに書き込む）</translation>
    </message>
    <message>
        <source>As heard (the audible stems with their gains)</source>
        <translation>聴こえるとおり（聴こえているステムをゲイン込みで）</translation>
    </message>
    <message>
        <source>Tokens: {source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</source>
        <translation>トークン：{source} {stem} {start} {end} {bpm} {key} {artist} {title} {album} {index}</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>ファイル名：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択...</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>ライブラリフォルダ：</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>ライブラリフォルダ</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 ビット</translation>
    </message>
    <message>
        <source>24-bit</source>
        <translation>24 ビット</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32 ビット浮動小数点</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::FindSamplesPanel</name>
    <message>
        <source>Open a song: loop suggestions appear as its stems are separated.</source>
        <translation>曲を開いてください：ステムの分離が進むにつれてループの候補が表示されます。</translation>
    </message>
    <message>
        <source>Waiting for separated stems…</source>
        <translation>ステムの分離を待機中...</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n bar(s) · %2 BPM</source>
        <translation>
            <numerusform>%1 · %n 小節 · %2 BPM</numerusform>
        </translation>
    </message>
    <message>
        <source>Start %1 s, score %2. Click to audition, Return or Ctrl+E to export, drag out.</source>
        <translation>開始 %1 秒、スコア %2。クリックで試聴、Return または Ctrl+E で書き出し、ドラッグで外部へ書き出し。</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>候補 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) so far (separating…)</source>
        <translation>
            <numerusform>現在までの候補 %n 件（分離中...）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::KitPanel</name>
    <message>
        <source>Find one-shots</source>
        <translation>ワンショットを検出</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>キットを書き出し...</translation>
    </message>
    <message>
        <source>Find the one-shots of the drums stem (or of the mix without stems).</source>
        <translation>ドラムのステム（ステムがない場合はミックス）からワンショットを検出します。</translation>
    </message>
    <message>
        <source>Wait for the separation to finish.</source>
        <translation>分離が完了するまでお待ちください。</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>先に曲を開いてください。</translation>
    </message>
    <message>
        <source>Finding one-shots in %1…</source>
        <translation>%1 からワンショットを検出中...</translation>
    </message>
    <message>
        <source>Cannot find one-shots: %1</source>
        <translation>ワンショットを検出できません：%1</translation>
    </message>
    <message>
        <source>%1 ×%2 · %3 s · confidence %4</source>
        <translation>%1 ×%2 · %3 秒 · 信頼度 %4</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>キットを書き出し中...</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <comment>one-shots found in the drum stem</comment>
        <translation>
            <numerusform>ヒット %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <comment>groups of similar hits</comment>
        <translation>
            <numerusform>%n グループ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>12 hits in 4 groups</comment>
        <translation>%1（%2）</translation>
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
        <translation>%1 をソロ</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 をミュート</translation>
    </message>
    <message>
        <source>Gain: 0.0 dB</source>
        <translation>ゲイン：0.0 dB</translation>
    </message>
    <message>
        <source>Gain: %1 dB</source>
        <translation>ゲイン：%1 dB</translation>
    </message>
    <message>
        <source>Gain: off</source>
        <translation>ゲイン：オフ</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryFilterBar</name>
    <message>
        <source>Search name, stem, class, key, song…</source>
        <translation>名前、ステム、分類、キー、曲で検索...</translation>
    </message>
    <message>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>すべてのキー</translation>
    </message>
    <message>
        <source>Compatible keys</source>
        <translation>相性の良いキー</translation>
    </message>
    <message>
        <source>Also the keys next to it on the Camelot wheel and its relative key</source>
        <translation>Camelot ホイールで隣り合うキーと平行調も含めます</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>スライス</translation>
    </message>
    <message>
        <source>One-shots</source>
        <translation>ワンショット</translation>
    </message>
    <message>
        <source>Any stem</source>
        <translation>すべてのステム</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>ドラム</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>ベース</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>ボーカル</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>ミックス</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryIndexer</name>
    <message>
        <source>The library index is rebuilt: %1</source>
        <translation>ライブラリのインデックスを再構築します：%1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryModel</name>
    <message>
        <source>loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>slice</source>
        <translation>スライス</translation>
    </message>
    <message>
        <source>one-shot</source>
        <translation>ワンショット</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1 LUFS</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>再生できません：%1</translation>
    </message>
    <message>
        <source>BPM from the file name</source>
        <translation>ファイル名から取得した BPM</translation>
    </message>
    <message>
        <source>BPM estimated from the audio</source>
        <translation>オーディオから推定した BPM</translation>
    </message>
    <message>
        <source>Key from the file name</source>
        <translation>ファイル名から取得したキー</translation>
    </message>
    <message>
        <source>Key estimated from the audio</source>
        <translation>オーディオから推定したキー</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>ステム</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>小節数</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>ラウドネス</translation>
    </message>
    <message>
        <source>Source Song</source>
        <translation>元の曲</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::LibraryPanel</name>
    <message>
        <source>Show in Folder</source>
        <translation>フォルダに表示</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>ゴミ箱に移動</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>%1 内のサンプル</translation>
    </message>
    <message>
        <source>Could not move &apos;%1&apos; to the trash.</source>
        <translation>「%1」をゴミ箱に移動できませんでした。</translation>
    </message>
    <message>
        <source>Moved &apos;%1&apos; to the trash.</source>
        <translation>「%1」をゴミ箱に移動しました。</translation>
    </message>
    <message>
        <source>Find Similar</source>
        <translation>類似サンプルを検索</translation>
    </message>
    <message>
        <source>List the samples that sound most like the selected one</source>
        <translation>選択したサンプルに最もサウンドが近いサンプルを一覧表示します</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Select a sample to find similar ones.</source>
        <translation>類似サンプルを検索するには、サンプルを選択してください。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be analysed, so nothing can be compared with it.</source>
        <translation>「%1」は解析できなかったため、比較できません。</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) most like &apos;%1&apos;</source>
        <translation>
            <numerusform>「%1」に最も近いサンプル %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>サンプル %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sample(s)</source>
        <translation>
            <numerusform>サンプル %n 個中 %1 個</numerusform>
        </translation>
    </message>
    <message>
        <source> · reading the folder…</source>
        <translation> · フォルダを読み込み中...</translation>
    </message>
    <message>
        <source>Move Sample to Trash</source>
        <translation>サンプルをゴミ箱に移動</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is still being analysed; try again in a moment.</source>
        <translation>「%1」はまだ解析中です。少し待ってからもう一度お試しください。</translation>
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
        <translation>準備完了</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダを開く(&amp;F)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Selection</source>
        <translation>選択(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>トランスポート</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No audio files found in %1.</source>
        <translation>%1 にオーディオファイルが見つかりませんでした。</translation>
    </message>
    <message>
        <source>%1 — Stemcrate</source>
        <translation>%1 — Stemcrate</translation>
    </message>
    <message>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open Songs</source>
        <translation>曲を開く</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;All files (*)</source>
        <translation>オーディオファイル (*.wav *.flac *.mp3 *.ogg *.opus *.m4a *.aac *.aif *.aiff);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダを開く</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::MiningPanels</name>
    <message>
        <source>Find Samples</source>
        <translation>サンプル検索</translation>
    </message>
    <message>
        <source>Chop</source>
        <translation>チョップ</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>キット</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>サンプル抽出</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ModelBanner</name>
    <message>
        <source>Download Model</source>
        <translation>モデルをダウンロード</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Choose Model File…</source>
        <translation>モデルファイルを選択...</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1 of %2</source>
        <translation>分離モデルをダウンロード中：%1 / %2</translation>
    </message>
    <message>
        <source>Downloading the separation model: %1</source>
        <translation>分離モデルをダウンロード中：%1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>再試行</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ProjectFitBar</name>
    <message>
        <source>Project:</source>
        <translation>プロジェクト：</translation>
    </message>
    <message>
        <source>Song tempo</source>
        <translation>曲のテンポ</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>The tempo of the track you are making: previews and exports are stretched to it</source>
        <translation>制作中のトラックのテンポ：プレビューと書き出しをこのテンポに合わせてストレッチします</translation>
    </message>
    <message>
        <source>Song key</source>
        <translation>曲のキー</translation>
    </message>
    <message>
        <source>The key of the track you are making: previews and exports are shifted into it (the nearest way, at most 6 semitones)</source>
        <translation>制作中のトラックのキー：プレビューと書き出しをこのキーにピッチシフトします（最も近い方向へ、最大 6 半音）</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SelectionExport</name>
    <message>
        <source>Select a region first: drag across a lane.</source>
        <translation>先に範囲を選択してください：レーン上をドラッグします。</translation>
    </message>
    <message>
        <source>That part of the stem is still being separated.</source>
        <translation>ステムのその部分はまだ分離中です。</translation>
    </message>
    <message>
        <source>as heard</source>
        <translation>聴こえるとおり</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択...</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>ライブラリフォルダ：</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>ライブラリフォルダ</translation>
    </message>
    <message>
        <source>the downloaded default model</source>
        <translation>ダウンロードしたデフォルトモデル</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>モデルファイル：</translation>
    </message>
    <message>
        <source>Separation Model</source>
        <translation>分離モデル</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch チェックポイント (*.pt *.pth);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>デバイス：</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>すべてのコア</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>スレッド数：</translation>
    </message>
    <message>
        <source>WAV 16-bit</source>
        <translation>WAV 16 ビット</translation>
    </message>
    <message>
        <source>WAV 24-bit</source>
        <translation>WAV 24 ビット</translation>
    </message>
    <message>
        <source>WAV 32-bit float</source>
        <translation>WAV 32 ビット浮動小数点</translation>
    </message>
    <message>
        <source>FLAC 16-bit</source>
        <translation>FLAC 16 ビット</translation>
    </message>
    <message>
        <source>FLAC 24-bit</source>
        <translation>FLAC 24 ビット</translation>
    </message>
    <message>
        <source>Export format:</source>
        <translation>書き出しフォーマット：</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Stem cache limit:</source>
        <translation>ステムキャッシュの上限：</translation>
    </message>
    <message>
        <source>clearing…</source>
        <translation>クリア中...</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システム設定に従う</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ：</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>計測中...</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 使用中</translation>
    </message>
    <message>
        <source>Automatic (CUDA GPU when available)</source>
        <translation>自動（利用可能な場合は CUDA GPU）</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>実行環境：</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>Select a region</source>
        <translation>範囲を選択</translation>
    </message>
    <message>
        <source>Drag on any lane</source>
        <translation>いずれかのレーン上でドラッグ</translation>
    </message>
    <message>
        <source>Drag the selection out as a WAV</source>
        <translation>選択範囲を WAV としてドラッグアウト</translation>
    </message>
    <message>
        <source>Drag from inside the selection</source>
        <translation>選択範囲の内側からドラッグ</translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation>マウス位置を中心にズーム</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>マウスホイール</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>スクロール</translation>
    </message>
    <message>
        <source>Shift+wheel, horizontal wheel</source>
        <translation>Shift+ホイール、横スクロールホイール</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>再生位置の移動</translation>
    </message>
    <message>
        <source>Click a lane or the ruler</source>
        <translation>レーンまたはルーラーをクリック</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongList</name>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>decoding %1 %</source>
        <translation>デコード中 %1 %</translation>
    </message>
    <message>
        <source>waiting for the separation model</source>
        <translation>分離モデルを待機中</translation>
    </message>
    <message>
        <source>separating %1 %</source>
        <translation>分離中 %1 %</translation>
    </message>
    <message>
        <source>separating %1 % — %2:%3 left</source>
        <translation>分離中 %1 % — 残り %2:%3</translation>
    </message>
    <message>
        <source>done (from cache)</source>
        <translation>完了（キャッシュから）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongQueue</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::SongsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>曲を削除</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>曲</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportActions</name>
    <message>
        <source>Export S&amp;tems…</source>
        <translation>ステムを書き出し(&amp;T)...</translation>
    </message>
    <message>
        <source>The song&apos;s stems are not separated yet.</source>
        <translation>この曲のステムはまだ分離されていません。</translation>
    </message>
    <message>
        <source>A stem export is already running.</source>
        <translation>ステムの書き出しはすでに実行中です。</translation>
    </message>
    <message>
        <source>Exported stems to %1</source>
        <translation>ステムを %1 に書き出しました</translation>
    </message>
    <message>
        <source>Stem export failed: %1</source>
        <translation>ステムの書き出しに失敗しました：%1</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::StemExportDialog</name>
    <message>
        <source>Drums</source>
        <translation>ドラム</translation>
    </message>
    <message>
        <source>Bass</source>
        <translation>ベース</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Vocals</source>
        <translation>ボーカル</translation>
    </message>
    <message>
        <source>Export Stems</source>
        <translation>ステムを書き出し</translation>
    </message>
    <message>
        <source>Stems</source>
        <translation>ステム</translation>
    </message>
    <message>
        <source>Mixes</source>
        <translation>ミックス</translation>
    </message>
    <message>
        <source>Instrumental (every stem but vocals)</source>
        <translation>インスト（ボーカル以外のすべてのステム）</translation>
    </message>
    <message>
        <source>Acapella (vocals only)</source>
        <translation>アカペラ（ボーカルのみ）</translation>
    </message>
    <message>
        <source>Drumless (every stem but drums)</source>
        <translation>ドラムレス（ドラム以外のすべてのステム）</translation>
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
        <translation>NI Stems（.stem.mp4、AAC）</translation>
    </message>
    <message>
        <source>NI Stems (.stem.mp4, ALAC lossless)</source>
        <translation>NI Stems（.stem.mp4、ALAC ロスレス）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>フォーマット：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照...</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダ：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Export Stems To</source>
        <translation>ステムの書き出し先</translation>
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
        <translation>テンポ：検出したテンポが間違っている場合は、正しいテンポを入力します</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>Double the tempo</source>
        <translation>テンポを 2 倍にする</translation>
    </message>
    <message>
        <source>÷2</source>
        <translation>÷2</translation>
    </message>
    <message>
        <source>Halve the tempo</source>
        <translation>テンポを半分にする</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>タップ</translation>
    </message>
    <message>
        <source>Tap along with the beat to set the tempo</source>
        <translation>ビートに合わせてタップし、テンポを設定します</translation>
    </message>
    <message>
        <source>Key: pick or type the right one (&quot;F# minor&quot;, &quot;Bbm&quot;, &quot;8A&quot;); — for none</source>
        <translation>キー：正しいキーを選択または入力します（&quot;F# minor&quot;、&quot;Bbm&quot;、&quot;8A&quot;）。なしにするには — を入力</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the detected tempo and key</source>
        <translation>検出したテンポとキーに戻す</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelinePanel</name>
    <message>
        <source>Drop songs here</source>
        <translation>ここに曲をドロップ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Zero crossings</source>
        <translation>ゼロクロス</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>ビート</translation>
    </message>
    <message>
        <source>Transients</source>
        <translation>トランジェント</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Loop Selection</source>
        <translation>選択範囲をループ</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>先頭へ移動</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>末尾へ移動</translation>
    </message>
    <message>
        <source>Nudge Selection Left</source>
        <translation>選択範囲を左へナッジ</translation>
    </message>
    <message>
        <source>Nudge Selection Right</source>
        <translation>選択範囲を右へナッジ</translation>
    </message>
    <message>
        <source>Move Selection End Left</source>
        <translation>選択範囲の終点を左へ移動</translation>
    </message>
    <message>
        <source>Move Selection End Right</source>
        <translation>選択範囲の終点を右へ移動</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>スナップモードを切り替え</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>選択範囲を解除</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>ズームイン</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>ズームアウト</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>スペクトログラム</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Snap: </source>
        <translation>スナップ： </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>   selection %1 – %2 (%3 s)</source>
        <translation>   選択範囲 %1 – %2（%3 秒）</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::TimelineView</name>
    <message>
        <source>mix</source>
        <translation>ミックス</translation>
    </message>
</context>
<context>
    <name>stemcrate::ui::Transport</name>
    <message>
        <source>No audio output device: playback is off. Everything else works.</source>
        <translation>オーディオ出力デバイスがありません：再生は無効です。その他の機能は使用できます。</translation>
    </message>
    <message>
        <source>The audio output &apos;%1&apos; does not play 44.1 kHz stereo: playback is off.</source>
        <translation>オーディオ出力「%1」は 44.1 kHz ステレオを再生できません：再生は無効です。</translation>
    </message>
</context>
</TS>
