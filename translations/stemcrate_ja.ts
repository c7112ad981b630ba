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
    <message>
        <source>%1 semitones</source>
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
        <source>%1 hits in %2 groups</source>
        <translation>ヒット %1 個（%2 グループ）</translation>
    </message>
    <message>
        <source>Exporting the kit…</source>
        <translation>キットを書き出し中...</translation>
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
        <source>Drop songs here</source>
        <translation>ここに曲をドロップ</translation>
    </message>
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
        <source>Songs</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>書き出しに失敗しました：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
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
        <source>&amp;Export Selection…</source>
        <translation>選択範囲を書き出し(&amp;E)...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <source>Delete (song, sample or selection)</source>
        <translation>削除（曲、サンプル、選択範囲）</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>スペクトログラム</translation>
    </message>
    <message>
        <source>Cycle Snapping</source>
        <translation>スナップモードを切り替え</translation>
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
        <source>Snap: </source>
        <translation>スナップ： </translation>
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
    <message>
        <source>Exported %1</source>
        <translation>%1 を書き出しました</translation>
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
