<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AutosaveBar</name>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="28"/>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="60"/>
        <source>Restore the latest</source>
        <translation>還原最新的</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="29"/>
        <source>Restore the best</source>
        <translation>還原最佳的</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="30"/>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="31"/>
        <source>Delete the network kept from the last session.</source>
        <translation>刪除上次保留下來的網路。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="35"/>
        <source>Not now: keep it on disk and hide this bar.</source>
        <translation>先不要：留在磁碟上，並隱藏這一列。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="53"/>
        <source>epoch {0}</source>
        <translation>第 {0} 個訓練週期</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="55"/>
        <source>, validation accuracy {0:.1f} %</source>
        <translation>，驗證準確率 {0:.1f} %</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="56"/>
        <source>tfdesk kept the network you trained last time ({0}, saved {1}).</source>
        <translation>tfdesk 保留了你上次訓練的網路（{0}，儲存於 {1}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/autosave_bar.py" line="60"/>
        <source>Restore it</source>
        <translation>還原它</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="21"/>
        <source>Code: {0}</source>
        <translation>程式碼：{0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="21"/>
        <source>experiment</source>
        <translation>實驗</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="24"/>
        <source>Method 1: every weight a tf.Variable</source>
        <translation>方法一：每個權重都是一個 tf.Variable</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="25"/>
        <source>Method 2: a dense-layer helper</source>
        <translation>方法二：使用全連接層的輔助函式</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="26"/>
        <source>The slides&apos; two ways of building the graph</source>
        <translation>投影片中建立計算圖的兩種方法</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="31"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="32"/>
        <source>&amp;Save as .py…</source>
        <translation>另存為 Python 檔(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="33"/>
        <source>Runs as it is with TensorFlow, numpy and scikit-learn; it saves a checkpoint tfdesk can open.</source>
        <translation>只要有 TensorFlow、numpy 和 scikit-learn 就能直接執行；執行後會儲存一個 tfdesk 可以開啟的檢查點。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="37"/>
        <source>Style:</source>
        <translation>寫法：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="75"/>
        <source>Save the script</source>
        <translation>儲存程式碼</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/code_view.py" line="76"/>
        <source>Python (*.py)</source>
        <translation>Python 程式檔 (*.py)</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../tfdesk/gui/crash.py" line="77"/>
        <source>tfdesk: unexpected error</source>
        <translation>tfdesk：發生未預期的錯誤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/crash.py" line="78"/>
        <source>Something went wrong inside tfdesk:
{error}

Your experiment and saved files are kept; you can carry on. The details are in {log}. Please send them to the instructor.</source>
        <translation>tfdesk 內部發生了問題：
{error}

你的實驗和已儲存的檔案都還在，可以繼續使用。詳細資訊記錄在 {log}，請把它傳給講師。</translation>
    </message>
</context>
<context>
    <name>CurveView</name>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="30"/>
        <source>training points</source>
        <translation>訓練資料點</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="32"/>
        <source>the curve they came from</source>
        <translation>產生資料點的原始曲線</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="33"/>
        <source>the model now</source>
        <translation>目前的模型</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="39"/>
        <source>The variables `weight` and `bias` the optimizer is adjusting, and the values the points were generated with. Training should bring them close, not equal: the points are noisy.</source>
        <translation>優化器正在調整的變數（權重與偏差），以及產生資料點時所用的真實數值。訓練後兩者應該會很接近，但不會完全相等，因為資料點含有雜訊。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="69"/>
        <source>learned: {0}</source>
        <translation>學到的：{0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="71"/>
        <source>true: {0}</source>
        <translation>真實的：{0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/curve_view.py" line="73"/>
        <source>Press Start to fit the curve.</source>
        <translation>按下「開始」來擬合曲線。</translation>
    </message>
</context>
<context>
    <name>DataOptions</name>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="21"/>
        <source>Training data</source>
        <translation>訓練資料</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="23"/>
        <source>&amp;Augment the images every epoch</source>
        <translation>每個週期對圖片做資料擴增(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="25"/>
        <source>Every epoch each training image is moved, turned, scaled, sheared and drawn with a thinner or thicker pen, a little and at random, so the network learns the digit rather than the exact picture. Validation and test images stay as they are.</source>
        <translation>每個週期，每張訓練圖片都會隨機地稍微移動、旋轉、縮放、傾斜，並用較細或較粗的筆重畫，讓網路學到的是數字本身，而不是那張圖片。驗證與測試圖片維持原樣。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="29"/>
        <source>Add &amp;simulated mouse drawings (2,200)</source>
        <translation>加入模擬的滑鼠手寫數字(&amp;S)（2,200 張）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="31"/>
        <source>Digits drawn on this canvas by simulated hands in the ways people write them (a 1 with a flag, a closed 4, a crossed 7, …). The scikit-learn digits have few of these, so without them the network misreads many drawings.</source>
        <translation>由模擬的手在這塊畫布上，用一般人的寫法畫出的數字（有勾的 1、封閉的 4、中間有橫線的 7……）。scikit-learn 的手寫數字很少有這些寫法，沒有它們，網路會認錯許多手繪數字。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="36"/>
        <source>Train on the drawings you added with the digit buttons under the canvas. A fifth of them is kept back to measure how well the network reads them.</source>
        <translation>用你以畫布下方數字按鈕加入的手繪數字訓練。其中五分之一會保留下來，用來衡量網路辨識它們的準確度。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="40"/>
        <source>each counts ×</source>
        <translation>每張算作 ×</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="42"/>
        <source>How many training examples each of your drawings counts as. A few drawings among thousands of digits need a larger weight to matter.</source>
        <translation>你的每張手繪數字要算作幾筆訓練資料。幾張手繪數字混在數千張數字中，需要較大的權重才會有影響。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="52"/>
        <source>Add your own with the digit buttons under the canvas.</source>
        <translation>用畫布下方的數字按鈕加入你自己的手繪數字。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/data_options.py" line="64"/>
        <source>Add &amp;my drawings ({count})</source>
        <translation>加入我的手繪數字(&amp;M)（{count}）</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="68"/>
        <source>Graphics cards (as the NVIDIA driver sees them)</source>
        <translation>顯示卡（NVIDIA 驅動程式偵測到的）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="71"/>
        <source>A GPU (graphics card) does the many multiplications of a network in parallel. The list refreshes every few seconds while this panel is open.</source>
        <translation>GPU（顯示卡）能平行處理神經網路中大量的乘法運算。這個面板開啟時，清單每隔幾秒會自動更新。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="78"/>
        <source>Asking the NVIDIA driver…</source>
        <translation>正在詢問 NVIDIA 驅動程式…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="86"/>
        <source>The devices TensorFlow itself can train on. A GPU the driver sees is of no use if TensorFlow cannot see it too.</source>
        <translation>TensorFlow 本身可以用來訓練的裝置。即使驅動程式偵測得到 GPU，如果 TensorFlow 看不到，也派不上用場。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="99"/>
        <source>Where the weights and biases are updated during training. The CPU is fine for the small digits; a GPU pays off for bigger networks and data.</source>
        <translation>訓練時要在哪個裝置上更新權重和偏差。小小的手寫數字用 CPU 就夠了；網路和資料變大時，GPU 才會明顯加速。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="103"/>
        <location filename="../../tfdesk/gui/device_panel.py" line="232"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="105"/>
        <source>&amp;Train on:</source>
        <translation>訓練裝置(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="190"/>
        <source>None found. On the course slide, “bash: nvidia-smi: command not found” means just this: no NVIDIA card, or no driver for it.</source>
        <translation>找不到任何顯示卡。課程投影片上執行 nvidia-smi 時出現「找不到指令」的錯誤，正是這個意思：沒有 NVIDIA 顯示卡，或是沒有安裝它的驅動程式。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="198"/>
        <source>TensorFlow sees: not asked yet (loading TensorFlow takes a few seconds).</source>
        <translation>TensorFlow 偵測到的裝置：尚未查詢（載入 TensorFlow 需要幾秒鐘）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="202"/>
        <source>TensorFlow sees: {devices}</source>
        <translation>TensorFlow 偵測到的裝置：{devices}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="227"/>
        <source>{device} (not available here)</source>
        <translation>{device}（這台電腦無法使用）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="233"/>
        <source>GPU {index}</source>
        <translation>GPU {index}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="242"/>
        <source> (compute capability {major}.{minor})</source>
        <translation> (運算能力 {major}.{minor})</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="264"/>
        <source>Graphics memory in use. The weights, biases and each batch must fit in it.</source>
        <translation>已使用的顯示卡記憶體。權重、偏差和每個批次的資料都必須放得進去。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="267"/>
        <source>How busy the GPU was during the last moment.</source>
        <translation>GPU 剛才這段時間的使用率。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="269"/>
        <source>GPU temperature.</source>
        <translation>GPU 溫度。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="279"/>
        <source>GPU {index}, driver {driver}</source>
        <translation>GPU {index}，驅動程式 {driver}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="285"/>
        <source>{used} / {total} MiB</source>
        <translation>{used} / {total} MiB</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="290"/>
        <source>{total} MiB, use unknown</source>
        <translation>{total} MiB，使用量不明</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="294"/>
        <source>memory unknown</source>
        <translation>記憶體不明</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="297"/>
        <source>{percent} % busy</source>
        <translation>使用率 {percent} %</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/device_panel.py" line="300"/>
        <source>{degrees} °C</source>
        <translation>{degrees} °C</translation>
    </message>
</context>
<context>
    <name>DeviceReport</name>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="31"/>
        <source>tfdesk trains on the CPU; that is fine for the digits.</source>
        <translation>tfdesk 會用 CPU 訓練；手寫數字用 CPU 就夠了。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="108"/>
        <source>TensorFlow can train on {names}, although the NVIDIA driver could not be asked ({reason}).</source>
        <translation>TensorFlow 可以用 {names} 訓練，但無法向 NVIDIA 驅動程式查詢（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="113"/>
        <source>Could not ask the NVIDIA driver about GPUs ({reason}).</source>
        <translation>無法向 NVIDIA 驅動程式查詢 GPU 資訊（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="116"/>
        <source>No NVIDIA GPU found ({reason}).</source>
        <translation>找不到 NVIDIA GPU（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="120"/>
        <source>1 GPU: {gpu}.</source>
        <translation>1 個 GPU：{gpu}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="124"/>
        <source>{count} GPUs: {each}.</source>
        <translation>{count} 個 GPU：{each}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="130"/>
        <source>The NVIDIA driver sees the GPU hardware, but TensorFlow sees none: this TensorFlow build has no CUDA support, or its CUDA libraries do not match the driver. On Linux, pip install &quot;tensorflow[and-cuda]&quot; installs a matching set; on Windows, TensorFlow 2.11 and later use the GPU only inside WSL2. Until then, training runs on the CPU.</source>
        <translation>NVIDIA 驅動程式偵測到 GPU 硬體，但 TensorFlow 一個也看不到：這個 TensorFlow 版本沒有 CUDA 支援，或是它的 CUDA 函式庫與驅動程式不相符。在 Linux 上，執行 pip install &quot;tensorflow[and-cuda]&quot; 可以安裝一套相符的版本；在 Windows 上，TensorFlow 2.11 以後的版本只能在 WSL2 中使用 GPU。在解決之前，訓練會在 CPU 上執行。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="138"/>
        <source>TensorFlow sees only {count} of them (CUDA_VISIBLE_DEVICES may hide the others).</source>
        <translation>TensorFlow 只看得到其中 {count} 個（其餘的可能被 CUDA_VISIBLE_DEVICES 隱藏了）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="148"/>
        <source>nvidia-smi: command not found</source>
        <translation>找不到 nvidia-smi 指令</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="67"/>
        <source>Draw one digit here with the mouse, a pen or a finger. Ctrl+Z takes back the last stroke; right-click or Delete starts again. Press a digit key to add the drawing to your training data as that digit.</source>
        <translation>用滑鼠、觸控筆或手指在這裡寫一個數字。Ctrl+Z 取消上一筆；按右鍵或刪除鍵重新開始。按下數字鍵，就把這張圖當作該數字加入你的訓練資料。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="76"/>
        <source>Pen width in pixels. The drawing is thickened or thinned to match the training digits anyway, so this mostly changes how it looks to you.</source>
        <translation>筆刷粗細（像素）。寫好的數字無論如何都會被加粗或變細，以配合訓練資料的筆畫，所以這裡主要只影響你看到的樣子。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="78"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="82"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="83"/>
        <source>Take back the last stroke (Ctrl+Z).</source>
        <translation>取消上一筆（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="84"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="86"/>
        <source>Wipe the canvas to draw another digit (Delete, or right-click the canvas).</source>
        <translation>清空畫布，再寫另一個數字（按刪除鍵，或在畫布上按右鍵）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="95"/>
        <source>The network is untrained — its guesses are random. Train it first (Ctrl+Enter).</source>
        <translation>網路還沒訓練，它的答案只是隨機亂猜。請先訓練（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="103"/>
        <source>How sure the network is about each class: the softmax of its output, in percent. The tallest bar is its answer.</source>
        <translation>網路對每個類別有多少把握：也就是輸出經過 softmax 後的機率（百分比）。最高的長條就是它的答案。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="108"/>
        <source>Your drawing after the same preparation as the training data: cropped, scaled and given the usual pen width. This is all the network gets.</source>
        <translation>你寫的數字經過和訓練資料相同的前處理：裁切、縮放，並調整成一般的筆畫粗細。網路只看得到這張圖。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="120"/>
        <source>Add this drawing to your training data as a {digit} (or press {digit} while the canvas has the focus).</source>
        <translation>把這張圖當作 {digit} 加入你的訓練資料（或在畫布取得焦點時按 {digit}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="124"/>
        <source>&amp;Gallery…</source>
        <translation>圖庫(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="126"/>
        <source>Look through your drawings, remove some, export or import a collection.</source>
        <translation>瀏覽你的手繪數字、移除部分，或匯出、匯入整個收藏。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="155"/>
        <source>&amp;Brush:</source>
        <translation>筆刷(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="168"/>
        <source>Add to the training data as:</source>
        <translation>加入訓練資料，標記為：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="184"/>
        <source>What the network sees</source>
        <translation>網路看到的樣子</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="277"/>
        <source>No network for drawings yet: press Start (Ctrl+Enter).</source>
        <translation>還沒有可以辨識手寫數字的網路：請按「開始」（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="290"/>
        <source>The network says: {name} ({percent} %)</source>
        <translation>網路的答案：{name}（{percent} %）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="292"/>
        <source>The network is unsure: {first} or {second}? ({p1} % / {p2} %)</source>
        <translation>網路不確定：是 {first} 還是 {second}？（{p1} % / {p2} %）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="332"/>
        <source>Drawing works with image data (8×8 digits or 28×28 MNIST)</source>
        <translation>手寫功能只適用於影像資料（8×8 手寫數字或 28×28 MNIST）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/draw_panel.py" line="338"/>
        <source>Draw a digit</source>
        <translation>請寫一個數字</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <location filename="../../tfdesk/gui/drawing_canvas.py" line="132"/>
        <source>Draw a digit here</source>
        <translation>在這裡寫一個數字</translation>
    </message>
</context>
<context>
    <name>DrawingGallery</name>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="54"/>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="179"/>
        <source>Your drawings</source>
        <translation>你的手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="57"/>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="58"/>
        <source>Stored with every drawing you add from now on, so an instructor can tell a class&apos;s drawings apart.</source>
        <translation>之後加入的每張手繪數字都會記下這個名字，讓講師分辨全班的手繪數字。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="62"/>
        <source>All digits</source>
        <translation>所有數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="64"/>
        <source>Only {digit}s</source>
        <translation>只看 {digit}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="74"/>
        <source>&amp;Remove selected</source>
        <translation>移除選取的(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="75"/>
        <source>Take the selected drawings out of your collection (Delete).</source>
        <translation>把選取的手繪數字從收藏中移除（刪除鍵）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="80"/>
        <source>&amp;Undo remove</source>
        <translation>復原刪除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="81"/>
        <source>Put back the drawings the last Remove took out.</source>
        <translation>把上一次刪除拿掉的圖放回去。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="84"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="85"/>
        <source>Save the whole collection as one file to share.</source>
        <translation>把整個收藏存成一個檔案來分享。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="87"/>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="89"/>
        <source>Add the drawings of a collection file (a classmate&apos;s, or a class&apos;s merged by the instructor); drawings you have already are not added twice.</source>
        <translation>加入收藏檔中的手繪數字（同學的，或講師合併的全班收藏）；已經有的不會重複加入。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="92"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="96"/>
        <source>Your name:</source>
        <translation>你的名字：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="121"/>
        <source>{digit}, drawn by {writer} on {when}</source>
        <translation>{digit}，由 {writer} 於 {when} 繪製</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="122"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="125"/>
        <source>{total} drawings: {per_digit}</source>
        <translation>共 {total} 張：{per_digit}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="147"/>
        <source>Export drawings</source>
        <translation>匯出手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="154"/>
        <source>Saved {count} drawings in {path}.</source>
        <translation>已把 {count} 張圖存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="158"/>
        <source>Import drawings</source>
        <translation>匯入手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/drawing_gallery.py" line="163"/>
        <source>Added {added} new drawings; the collection holds {total}.</source>
        <translation>加入了 {added} 張新的手繪數字；收藏共有 {total} 張。</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="56"/>
        <source>Train, then press Evaluate (Ctrl+E) to see the validation accuracy and the confusion matrix.</source>
        <translation>先訓練，再按「評估」(Ctrl+E) 看驗證準確率與混淆矩陣。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="78"/>
        <source>Accuracy: the share of images the network classified correctly. Loss: how wrong its answers were on average (lower is better). The test images were never used for training.</source>
        <translation>準確率：網路分類正確的圖片比例。損失：它的答案平均錯多少（越低越好）。測試圖片從未用於訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="90"/>
        <source>Drawings mixed into the training data are tested apart: a fifth of them was kept back from training, and this is how many of those the network reads right.</source>
        <translation>混入訓練資料的手繪數字會另外測試：其中五分之一沒有拿來訓練，這裡顯示網路認對其中多少。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="106"/>
        <source>The confusion matrix: each row is the true class, each column what the network predicted. The green diagonal holds the correct answers, red cells the mistakes. Click a cell to see its images.</source>
        <translation>混淆矩陣：每一列是真實類別，每一行是網路預測的類別。綠色的對角線是答對的，紅色格子是答錯的。點一下格子即可查看其中的影像。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="112"/>
        <source>predicted</source>
        <translation>預測</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="117"/>
        <source>true</source>
        <translation>真實</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="121"/>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="182"/>
        <source>Click a cell of the matrix to see its images.</source>
        <translation>點矩陣中的格子，看看裡面的圖片。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="189"/>
        <source>{name}: {right} of {n} ({accuracy:.0f} %)</source>
        <translation>{name}：{n} 張中對了 {right} 張（{accuracy:.0f} %）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="281"/>
        <source>The images are not available to show.</source>
        <translation>沒有可以顯示的圖片。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="169"/>
        <source>Test accuracy {accuracy:.1f} % (loss {loss:.3g}) on {n} images</source>
        <translation>測試準確率 {accuracy:.1f} %（損失 {loss:.3g}），共 {n} 張影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="171"/>
        <source>Validation accuracy {accuracy:.1f} % (loss {loss:.3g}) on {n} images</source>
        <translation>驗證準確率 {accuracy:.1f} %（損失 {loss:.3g}），共 {n} 張圖片</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="175"/>
        <source>The test set has been looked at {looks} times for this network: keep it for the end, compare on validation (Ctrl+E).</source>
        <translation>這個網路已經看過測試集 {looks} 次：把它留到最後，比較請用驗證集 (Ctrl+E)。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="177"/>
        <source>Validation: the practice exam. The test set waits for the final exam (Train ▸ Final exam, Ctrl+Shift+E).</source>
        <translation>驗證集是模擬考。測試集留給期末考（訓練 ▸ 期末考，Ctrl+Shift+E）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="188"/>
        <source>your drawings</source>
        <translation>你的手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="188"/>
        <source>simulated mouse drawings</source>
        <translation>模擬的滑鼠手寫數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="193"/>
        <source>Drawings kept back from training — {parts}</source>
        <translation>未拿來訓練的手繪數字 — {parts}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="278"/>
        <source> (showing the first {shown})</source>
        <translation>（顯示前 {shown} 張）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="287"/>
        <source>test image #{index}</source>
        <translation>測試影像 #{index}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="296"/>
        <source>true {true}, predicted {predicted}: no images</source>
        <translation>真實 {true}、預測 {predicted}：沒有影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="298"/>
        <source>true {true}, predicted {predicted}: 1 image</source>
        <translation>真實 {true}、預測 {predicted}：1 張影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/evaluation_panel.py" line="300"/>
        <source>true {true}, predicted {predicted}: {count} images</source>
        <translation>真實 {true}、預測 {predicted}：{count} 張影像</translation>
    </message>
</context>
<context>
    <name>GraphInspector</name>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="17"/>
        <source>trainable variable</source>
        <translation>可訓練變數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="18"/>
        <source>optimizer slot</source>
        <translation>優化器的輔助變數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="19"/>
        <source>training data (not saved)</source>
        <translation>訓練資料（不會儲存）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="20"/>
        <source>variable</source>
        <translation>變數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="31"/>
        <source>Search names, e.g. weight1, Adam, loss</source>
        <translation>搜尋名稱，例如 weight1、Adam、loss</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="33"/>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="34"/>
        <source>Read the graph again</source>
        <translation>重新讀取計算圖</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="37"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="37"/>
        <source>Type / shape</source>
        <translation>類型 / 形狀</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="37"/>
        <source>dtype</source>
        <translation>資料型別</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="38"/>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="40"/>
        <source>Name scopes contain ops; an op&apos;s outputs are its tensors, named op:0, op:1, …</source>
        <translation>名稱範圍裡包含運算；一個運算的輸出就是它的張量，名稱依序為 op:0、op:1、…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="42"/>
        <source>Names are yours, suffixes are TensorFlow&apos;s: asking for the scope hidden_layer three times gives hidden_layer, hidden_layer_1 and hidden_layer_2.</source>
        <translation>名稱由你決定，字尾則由 TensorFlow 加上：同一個範圍名稱要求三次，會依序得到原本的名稱、加上 _1 的名稱和加上 _2 的名稱。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="45"/>
        <source>Select a variable to see its values.</source>
        <translation>選擇一個變數即可查看它的數值。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="85"/>
        <source>No graph yet: press Start, or open one (Ctrl+G)</source>
        <translation>還沒有計算圖：請按「開始」，或開啟一個計算圖（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="86"/>
        <source>{0}: {1} ops</source>
        <translation>{0}：{1} 個運算</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="106"/>
        <source>name scope</source>
        <translation>名稱範圍</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="150"/>
        <source>{0}, shape {1}: min {2:.3g}, mean {3:.3g}, max {4:.3g}</source>
        <translation>{0}，形狀 {1}：最小值 {2:.3g}，平均值 {3:.3g}，最大值 {4:.3g}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="157"/>
        <source>row (input)</source>
        <translation>列（輸入）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="158"/>
        <source>column (unit)</source>
        <translation>行（神經元）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="159"/>
        <source> — blue negative, red positive</source>
        <translation>；藍色為負，紅色為正</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="165"/>
        <source>value</source>
        <translation>數值</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_inspector.py" line="166"/>
        <source>how many</source>
        <translation>個數</translation>
    </message>
</context>
<context>
    <name>GraphTensorsDialog</name>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="25"/>
        <source>Open graph: input and output</source>
        <translation>開啟計算圖：輸入與輸出</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="28"/>
        <source>Found the course&apos;s tensors in {0}.meta. Drawings will be fed to the input, and the output&apos;s bars shown.</source>
        <translation>在 {0}.meta 中找到課程使用的張量。你寫的數字會送進輸入張量，並以長條圖顯示輸出。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="30"/>
        <source>{0}.meta does not use the course&apos;s names (input/x_input, output_layer/output). Choose the tensor a drawing is fed to and the one that gives the class scores; scores that are not a softmax yet get one.</source>
        <translation>{0}.meta 沒有使用課程中的名稱（input/x_input、output_layer/output）。請選擇要送入手寫數字的張量，以及輸出各類別分數的張量；還沒經過 softmax 的分數會自動套用 softmax。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="35"/>
        <source>A (batch, 64) tensor takes 8×8 drawings, (batch, 784) takes 28×28.</source>
        <translation>形狀為 (batch, 64) 的張量接受 8×8 的手寫圖，(batch, 784) 則接受 28×28。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="38"/>
        <source>One score per class, (batch, classes).</source>
        <translation>每個類別一個分數，形狀為 (batch, classes)。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="40"/>
        <source>&amp;Input:</source>
        <translation>輸入(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="41"/>
        <source>&amp;Output:</source>
        <translation>輸出(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/graph_dialog.py" line="59"/>
        <source>— choose —</source>
        <translation>— 請選擇 —</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../tfdesk/gui/language.py" line="71"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/language.py" line="74"/>
        <source>System language ({0})</source>
        <translation>系統語言（{0}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/language.py" line="84"/>
        <source>The language changes when tfdesk starts again.</source>
        <translation>重新啟動 tfdesk 後才會切換語言。</translation>
    </message>
</context>
<context>
    <name>LayerStackEditor</name>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="68"/>
        <source>8×8 image</source>
        <translation>8×8 影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="76"/>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="76"/>
        <location filename="../../tfdesk/gui/layer_editor.py" line="300"/>
        <source>Units</source>
        <translation>神經元</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="76"/>
        <source>Activation</source>
        <translation>激活函數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="76"/>
        <source>Dropout</source>
        <translation>丟棄率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="77"/>
        <source>Params</source>
        <translation>參數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="80"/>
        <source>Parameters: the layer&apos;s weights and biases, the numbers training adjusts</source>
        <translation>參數：這一層的權重和偏差，也就是訓練時會調整的數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="82"/>
        <source>What the layer makes: height × width × feature maps while the data is a picture, then a row of values</source>
        <translation>這一層的輸出：資料還是圖片時為 高 × 寬 × 特徵圖數，之後是一列數值</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="93"/>
        <source>The network, from the input at the top to the output at the bottom. Select a hidden layer to remove, duplicate or move it.</source>
        <translation>網路結構：最上面是輸入，最下面是輸出。選擇一個隱藏層即可移除、複製或移動它。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="102"/>
        <source>Every weight and bias is one number the optimizer adjusts while training. More parameters can learn more, but train slower and can memorise the training data.</source>
        <translation>每個權重和偏差都是優化器在訓練時調整的一個數字。參數越多能學得越多，但訓練較慢，也可能把訓練資料死背下來。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="110"/>
        <source>⚠ The loss already applies softmax to the output (softmax_cross_entropy_with_logits). A softmax here applies it twice and training suffers — the slide marks this Wrong!!</source>
        <translation>⚠ 損失函數（tf.nn.softmax_cross_entropy_with_logits）已經會對輸出做 softmax。在這裡再加 softmax 等於做了兩次，訓練效果會變差——投影片上把這個寫法標為錯誤示範！</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="131"/>
        <location filename="../../tfdesk/gui/layer_editor.py" line="186"/>
        <source>Add layer</source>
        <translation>新增層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="132"/>
        <source>Add a hidden layer of 25 relu units after the selected one.</source>
        <translation>在選取的層後面新增一個有 25 個 relu 神經元的隱藏層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="136"/>
        <source>Convolution</source>
        <translation>卷積層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="137"/>
        <source>Add a convolution of 16 filters of 3×3 after the selected layer (pictures only).</source>
        <translation>在選取的層之後加入一個卷積層，16 個 3×3 濾鏡（僅限圖片輸入）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="140"/>
        <source>Max-pooling</source>
        <translation>最大池化層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="141"/>
        <source>Add 2×2 max-pooling after the selected layer: it halves the feature maps.</source>
        <translation>在選取的層之後加入 2×2 最大池化：特徵圖的長寬減半。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="144"/>
        <location filename="../../tfdesk/gui/layer_rows.py" line="35"/>
        <source>Flatten</source>
        <translation>攤平層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="145"/>
        <source>Add a flatten layer: the feature maps as one row, for the dense layers after it.</source>
        <translation>加入攤平層：把特徵圖排成一列，讓後面的全連接層使用。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="147"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="148"/>
        <source>Remove the selected hidden layer.</source>
        <translation>移除選取的隱藏層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="150"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="151"/>
        <source>Add a copy of the selected hidden layer right after it.</source>
        <translation>在選取的隱藏層正後方加入一個相同的副本。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="153"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="154"/>
        <source>Move the selected hidden layer one step closer to the input.</source>
        <translation>將選取的隱藏層往輸入端移動一層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="156"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="157"/>
        <source>Move the selected hidden layer one step closer to the output.</source>
        <translation>將選取的隱藏層往輸出端移動一層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="161"/>
        <source>Presets</source>
        <translation>預設架構</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="162"/>
        <source>Replace the hidden layers with one of the course&apos;s networks, or the one that reads drawn digits best.</source>
        <translation>把隱藏層換成課程中的網路，或最能辨識手繪數字的網路。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="166"/>
        <source>Course network: 64 → 25 → 10</source>
        <translation>課程網路：64 → 25 → 10</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="167"/>
        <source>Exercise: three hidden layers of 25</source>
        <translation>練習：三層各 25 個神經元的隱藏層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="169"/>
        <source>For drawn digits: 64 → 128 → 64 → 10</source>
        <translation>辨識手繪數字：64 → 128 → 64 → 10</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="171"/>
        <source>Convolutional: conv → pool → conv → pool → dense</source>
        <translation>卷積網路：卷積 → 池化 → 卷積 → 池化 → 全連接</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="257"/>
        <source>Input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="258"/>
        <source>The values fed into the network: one per pixel of the image.</source>
        <translation>送進網路的數值：影像的每個像素各一個。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="261"/>
        <source>{n} values ({what})</source>
        <translation>{n} 個數值（{what}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="263"/>
        <source>{n} values</source>
        <translation>{n} 個數值</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="268"/>
        <source>The input has no weights or biases of its own.</source>
        <translation>輸入本身沒有權重或偏差。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="301"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="303"/>
        <source>Dense layers: units. Convolutions: filters and window. Pooling: window.</source>
        <translation>全連接層：神經元數。卷積層：濾鏡數與視窗大小。池化層：視窗大小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="377"/>
        <source>The stack does not fit its input yet.</source>
        <translation>這組層還接不上它的輸入。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="76"/>
        <location filename="../../tfdesk/gui/layer_editor.py" line="278"/>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="279"/>
        <source>One unit per class; its values are the logits the loss compares with the labels.</source>
        <translation>每個類別一個神經元；它們的值是原始分數，損失函數會拿來和標籤比較。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="281"/>
        <source>{n} classes</source>
        <translation>{n} 個類別</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="283"/>
        <source>none (logits)</source>
        <translation>無（原始分數）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="284"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="287"/>
        <source>Leave the output as raw scores (logits): the loss applies softmax itself. Softmax here is the slide&apos;s Wrong!! example.</source>
        <translation>讓輸出保持原始分數：損失函數自己會做 softmax。在這裡加上 softmax，就是投影片上的錯誤示範。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="32"/>
        <source>Hidden {n}</source>
        <translation>隱藏層 {n}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="33"/>
        <source>Conv {n}</source>
        <translation>卷積 {n}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="34"/>
        <source>Pool {n}</source>
        <translation>池化 {n}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="41"/>
        <source>A hidden layer: each unit sums weighted inputs, adds a bias, and applies the activation.</source>
        <translation>隱藏層：每個神經元把輸入乘上權重後加總，加上偏差，再套用激活函數。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="44"/>
        <source>A convolution: each filter is a small window of weights slid over the picture, making one feature map that shows where its pattern is. The same weights work at every position, so a stroke is recognised wherever it is drawn.</source>
        <translation>卷積層：每個濾鏡是一小窗權重，在圖片上滑動，產生一張特徵圖，標出它的圖樣出現在哪裡。同一組權重用在每個位置，所以筆畫畫在哪裡都認得出來。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="49"/>
        <source>Max-pooling keeps the largest value of each window of every feature map: the maps get smaller, and a pattern moved a pixel still counts.</source>
        <translation>最大池化保留每張特徵圖中每個視窗的最大值：特徵圖變小，圖樣移動一個像素也照樣算數。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="53"/>
        <source>Flatten lays the feature maps out in one row of values, so dense layers can follow.</source>
        <translation>攤平層把特徵圖排成一列數值，後面才能接全連接層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="66"/>
        <source>How many units (neurons) this layer has. More units can learn more, but train slower.</source>
        <translation>這一層有多少個神經元。神經元越多能學得越多，但訓練較慢。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="82"/>
        <source>How many filters: each finds its own pattern and makes one feature map.</source>
        <translation>濾鏡數：每個濾鏡找自己的圖樣，產生一張特徵圖。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="91"/>
        <source>The window&apos;s size in pixels: each filter&apos;s weights cover this square of its input.</source>
        <translation>視窗大小（像素）：每個濾鏡的權重涵蓋輸入中這樣大小的正方形。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="94"/>
        <source>The window&apos;s size: the largest value of each square of this size is kept.</source>
        <translation>視窗大小：每個這樣大小的正方形只保留最大值。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="102"/>
        <source>Scroll, use the arrow keys or type a number.</source>
        <translation>可用滾輪、方向鍵或直接輸入數字調整。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="145"/>
        <source>The function applied to each unit&apos;s sum. relu is the course&apos;s choice; without a non-linear one, stacked layers are no better than one.</source>
        <translation>套用在每個神經元加總結果上的函數。課程使用 relu；如果沒有非線性的激活函數，疊再多層也只等於一層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="162"/>
        <source>The share of this layer&apos;s units switched off at random during each training step (0.2 = 20%). It keeps the network from memorising the training data; testing always uses every unit.</source>
        <translation>每個訓練步驟中，這一層隨機關閉的神經元比例（0.2 = 20%）。它能避免網路死背訓練資料；測試時一律使用全部神經元。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="184"/>
        <source>How far the window moves each time: 2 makes the output half as high and wide.</source>
        <translation>視窗每次移動的距離（步長）：2 會讓輸出的高和寬都減半。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="190"/>
        <source>same</source>
        <translation>相同（周圍補零）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="191"/>
        <source>valid</source>
        <translation>有效（不補零）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="192"/>
        <source>same: the window may stand over the edge, which is padded with zeros, so the size is kept. valid: only whole windows inside the picture, so it shrinks.</source>
        <translation>相同：視窗可以超出邊緣，邊緣補零，所以大小不變。有效：只用完全在圖片內的視窗，所以會變小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="198"/>
        <source>Stride:</source>
        <translation>步長：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_rows.py" line="200"/>
        <source>Padding:</source>
        <translation>填補：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/layer_editor.py" line="376"/>
        <source>Total: {n} parameters (weights and biases)</source>
        <translation>總計：{n} 個參數（權重和偏差）</translation>
    </message>
</context>
<context>
    <name>LessonViews</name>
    <message>
        <location filename="../../tfdesk/gui/lesson_views.py" line="24"/>
        <source>Weights</source>
        <translation>權重</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/lesson_views.py" line="27"/>
        <source>Graph</source>
        <translation>計算圖</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/lesson_views.py" line="31"/>
        <source>Curve</source>
        <translation>曲線</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="68"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="69"/>
        <source>accuracy (%)</source>
        <translation>準確率 (%)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="104"/>
        <source>&amp;Log scale</source>
        <translation>對數刻度(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="106"/>
        <source>Show the loss on a logarithmic axis, so that small improvements late in training are as visible as the big drop at the start.</source>
        <translation>以對數座標軸顯示損失，讓訓練後期的小幅進步，也能像一開始的大幅下降一樣清楚。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="112"/>
        <source>The loss or accuracy at the point under the mouse pointer.</source>
        <translation>滑鼠指標所在位置的損失或準確率。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="119"/>
        <source>Clear &amp;earlier runs</source>
        <translation>清除先前的訓練(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="121"/>
        <source>Remove the grey curves of earlier training runs and keep only the current run.</source>
        <translation>移除先前訓練留下的灰色曲線，只保留這次的訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="126"/>
        <source>Export &amp;PNG…</source>
        <translation>匯出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="128"/>
        <source>Save the plot as a picture, for a report or slides.</source>
        <translation>將圖表儲存成圖片，方便放進報告或投影片。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="131"/>
        <source>Export &amp;CSV…</source>
        <translation>匯出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="133"/>
        <source>Save every loss and accuracy value of all runs as a table, for a spreadsheet or your own analysis.</source>
        <translation>將所有訓練的每個損失和準確率數值儲存成表格，方便用試算表開啟或自行分析。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="227"/>
        <source>Could not write the image {path}.</source>
        <translation>無法寫入圖片 {path}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="85"/>
        <source>training loss (each step)</source>
        <translation>訓練損失（每一步）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="86"/>
        <source>training loss (epoch)</source>
        <translation>訓練損失（每個週期）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="87"/>
        <source>validation loss</source>
        <translation>驗證損失</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="88"/>
        <source>training accuracy</source>
        <translation>訓練準確率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="89"/>
        <source>validation accuracy</source>
        <translation>驗證準確率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="137"/>
        <source>&amp;Fit</source>
        <translation>顯示全部(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="139"/>
        <source>Show the whole current run again after zooming or panning, and follow it as it grows.</source>
        <translation>縮放或平移之後，重新顯示這次訓練的完整曲線，並隨著訓練進行持續跟上。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_panel.py" line="369"/>
        <location filename="../../tfdesk/gui/plot_panel.py" line="371"/>
        <source>step</source>
        <translation>步數</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="56"/>
        <source>tfdesk — TensorFlow trainer</source>
        <translation>tfdesk — TensorFlow 訓練器</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="76"/>
        <source>Loading TensorFlow…</source>
        <translation>正在載入 TensorFlow…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="96"/>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="97"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="98"/>
        <location filename="../../tfdesk/gui/main_window.py" line="253"/>
        <location filename="../../tfdesk/gui/main_window.py" line="295"/>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="100"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="101"/>
        <source>Reset weights</source>
        <translation>重設權重</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="102"/>
        <source>Evaluate</source>
        <translation>評估</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="120"/>
        <source>Handwritten digits (8×8)</source>
        <translation>手寫數字 (8×8)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="121"/>
        <source>Linear regression: y = 3x + 10</source>
        <translation>線性迴歸：y = 3x + 10</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="122"/>
        <source>Exercise: y = 6x² − 4x + 1</source>
        <translation>練習：y = 6x² − 4x + 1</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="123"/>
        <source>Data file…</source>
        <translation>資料檔案…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="124"/>
        <source>What the network learns from</source>
        <translation>網路要從哪些資料學習</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="129"/>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="130"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="136"/>
        <source>Experiment</source>
        <translation>實驗</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="141"/>
        <source>Draw a digit</source>
        <translation>寫一個數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="143"/>
        <source>Evaluation</source>
        <translation>評估</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="146"/>
        <source>Devices</source>
        <translation>裝置</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="349"/>
        <source>Closing: finishing what the training thread is doing…</source>
        <translation>正在關閉：等訓練執行緒把手上的工作做完…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="209"/>
        <source>Open a data file</source>
        <translation>開啟資料檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="210"/>
        <source>Data (*.npz *.csv *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>資料 (*.npz *.csv *-ubyte *-ubyte.gz);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="241"/>
        <source>Building the graph…</source>
        <translation>正在建立計算圖…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="243"/>
        <source>Training… Esc stops, Ctrl+P pauses.</source>
        <translation>訓練中…按 Esc 停止，按 Ctrl+P 暫停。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="253"/>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="255"/>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/main_window.py" line="255"/>
        <source>Training…</source>
        <translation>訓練中…</translation>
    </message>
</context>
<context>
    <name>MyDrawings</name>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="26"/>
        <source>Your &amp;drawings…</source>
        <translation>你的手繪數字(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="27"/>
        <source>The drawings you added as training data: look through, remove, export, import</source>
        <translation>你加入訓練資料的手繪數字：瀏覽、移除、匯出、匯入</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="29"/>
        <source>&amp;Import drawings…</source>
        <translation>匯入手繪數字(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="30"/>
        <source>Add a drawing collection file to your drawings</source>
        <translation>把收藏檔中的手繪數字加入你的收藏</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="32"/>
        <source>E&amp;xport drawings…</source>
        <translation>匯出手繪數字(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="33"/>
        <source>Save your drawings as one file to share</source>
        <translation>把你的手繪數字存成一個檔案來分享</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="40"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="43"/>
        <source>&amp;Undo the last stroke (Ctrl+Z on the canvas)</source>
        <translation>復原最後一筆(&amp;U)（在畫布上按 Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="44"/>
        <source>&amp;Clear the drawing (Delete on the canvas)</source>
        <translation>清除圖畫(&amp;C)（在畫布上按刪除鍵）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="45"/>
        <source>&amp;Add the drawing to your training data as</source>
        <translation>把這張圖加入你的訓練資料(&amp;A)，當作</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="54"/>
        <source>Your drawings</source>
        <translation>你的手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="84"/>
        <source>Added as a {digit}: {total} in your collection. Tick “Add my drawings” and Start to train on them.</source>
        <translation>已加為 {digit}：你的收藏共有 {total} 張。勾選「加入我的手繪數字」再按開始，就會用它們訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="94"/>
        <source>In your collection: {total}.</source>
        <translation>你的收藏：{total} 張。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/my_drawings.py" line="92"/>
        <source>Teach the network your handwriting: draw a digit, then press its button.</source>
        <translation>教網路認你的字跡：寫一個數字，再按下它的按鈕。</translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="112"/>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="113"/>
        <source>Epochs</source>
        <translation>訓練週期</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="113"/>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="114"/>
        <source>Seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="136"/>
        <source>At most {n} here: the whole training set.</source>
        <translation>這裡最多 {n} 筆，也就是整個訓練集。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="141"/>
        <source>Optimizer</source>
        <translation>優化器</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="142"/>
        <source>The optimizer changes the weights and biases after every batch so that the loss gets smaller.</source>
        <translation>優化器會在每個批次之後調整權重和偏差，讓損失變小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="150"/>
        <source>Steps straight downhill on the loss: learning rate × gradient. The course&apos;s first optimizer.</source>
        <translation>沿著損失的下坡方向直接走一步：學習率 × 梯度。課程中介紹的第一個優化器。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="152"/>
        <source>Gives every weight its own step size, shrinking it for weights that have already moved a lot.</source>
        <translation>讓每個權重都有自己的步伐大小；已經移動很多的權重，步伐會逐漸縮小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="154"/>
        <source>Keeps a running velocity, so steps keep going the way they have been going, like a ball rolling downhill.</source>
        <translation>保留一個持續累積的速度，讓每一步延續之前的方向，就像球滾下坡一樣。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="156"/>
        <source>Momentum plus a step size per weight. A good first choice.</source>
        <translation>動量加上每個權重各自的步伐大小。很適合當作第一個嘗試的選擇。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="157"/>
        <source>Divides each step by a running average of recent gradient sizes, so steep and flat directions move at similar speeds.</source>
        <translation>將每一步除以近期梯度大小的移動平均，讓陡峭和平緩的方向以差不多的速度前進。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="163"/>
        <source>How the weights and biases are changed to make the loss smaller.</source>
        <translation>要用什麼方式調整權重和偏差，讓損失變小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="165"/>
        <source>Optimizer:</source>
        <translation>優化器：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="170"/>
        <source>How big a step the optimizer takes on each update. Too big and the loss jumps around or grows; too small and training crawls. The arrows step 0.001 → 0.002 → … → 0.01.</source>
        <translation>優化器每次更新時跨出的步伐大小。太大的話，損失會跳來跳去甚至變大；太小的話，訓練會慢得像在爬。上下箭頭的調整順序為 0.001 → 0.002 → … → 0.01。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="173"/>
        <source>Learning rate:</source>
        <translation>學習率：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="176"/>
        <source>Momentum:</source>
        <translation>動量：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="177"/>
        <source>How much of the last step carries into the next one (0.9 = 90%).</source>
        <translation>上一步有多少會延續到下一步（0.9 = 90%）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="178"/>
        <source>Nesterov momentum</source>
        <translation>Nesterov 動量</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="179"/>
        <source>Look ahead: measure the gradient where the momentum is about to carry the weights. Often a little steadier.</source>
        <translation>先往前看：在動量即將把權重帶到的位置計算梯度。通常會稍微穩定一些。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="185"/>
        <source>β1:</source>
        <translation>β1：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="186"/>
        <source>How slowly Adam&apos;s average of the gradients forgets old steps (its momentum).</source>
        <translation>Adam 的梯度平均值遺忘舊步伐的速度有多慢（也就是它的動量）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="187"/>
        <source>β2:</source>
        <translation>β2：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="188"/>
        <source>How slowly Adam&apos;s average of the squared gradients forgets; it sets each weight&apos;s step size.</source>
        <translation>Adam 的梯度平方平均值遺忘舊步伐的速度有多慢；它決定每個權重的步伐大小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="189"/>
        <source>Decay:</source>
        <translation>衰減率：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="190"/>
        <source>How slowly RMSProp&apos;s average of the squared gradients forgets old steps.</source>
        <translation>RMSProp 的梯度平方平均值遺忘舊步伐的速度有多慢。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="192"/>
        <source>A tiny number added before dividing, so a step never divides by zero.</source>
        <translation>除法之前先加上的一個極小數字，避免除以零。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="194"/>
        <source>ε (epsilon):</source>
        <translation>ε：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="198"/>
        <source>Adagrad&apos;s starting sum of squared gradients; larger values make the first steps smaller.</source>
        <translation>Adagrad 一開始的梯度平方累加值；數值越大，最初幾步就越小。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="201"/>
        <source>Initial accumulator:</source>
        <translation>初始累加值：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="218"/>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="226"/>
        <source>Full batch (batch gradient descent)</source>
        <translation>全批次（批次梯度下降）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="227"/>
        <source>Every update looks at the whole training set: the best direction, but slow, with one update per epoch.</source>
        <translation>每次更新都看過整個訓練集：方向最好，但速度慢，每個訓練週期只更新一次。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="229"/>
        <source>Stochastic (one example a step)</source>
        <translation>隨機（每步一筆資料）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="230"/>
        <source>Every update looks at one example: many quick updates, but each direction is rather random.</source>
        <translation>每次更新只看一筆資料：更新次數多又快，但每次的方向都相當隨機。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="232"/>
        <source>Mini-batch of</source>
        <translation>mini-batch，每批</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="233"/>
        <source>Every update looks at a small batch: the compromise, fast and stable. The course&apos;s choice.</source>
        <translation>每次更新看一小批資料：折衷的做法，又快又穩定。課程採用的就是這個方法。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="246"/>
        <source> examples</source>
        <translation> 筆</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="247"/>
        <source>How many examples each update looks at.</source>
        <translation>每次更新要看幾筆資料。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="257"/>
        <source>Batches:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="263"/>
        <source>One epoch is one pass over every training example.</source>
        <translation>一個訓練週期就是把所有訓練資料完整看過一遍。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="266"/>
        <source>Reshuffle every epoch</source>
        <translation>每個週期重新打亂</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="268"/>
        <source>Deal the examples into batches in a new order each epoch, as the course&apos;s training loop does.</source>
        <translation>每個訓練週期都以新的順序把資料分配到各個批次，和課程中的訓練迴圈一樣。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="274"/>
        <source>Epochs:</source>
        <translation>訓練週期：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="276"/>
        <source>Stop &amp;early:</source>
        <translation>提早停止(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="279"/>
        <source>Stop when the validation loss has not improved for this many epochs, and go back to the weights of the best epoch: an answer to &quot;how many epochs?&quot; that the validation set gives.</source>
        <translation>驗證損失連續這麼多個週期沒有進步就停止，並回到最佳週期的權重：由驗證集來回答「要訓練幾個週期？」。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="286"/>
        <source>after </source>
        <translation>連續 </translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="287"/>
        <source> epochs without progress</source>
        <translation> 個週期沒有進步就停</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="294"/>
        <source>The share of examples kept aside to check progress during training (0.1 = 10%); the network never trains on them.</source>
        <translation>訓練期間保留下來檢查進度的資料比例（0.1 = 10%）；網路絕不會用這些資料訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="297"/>
        <source>The share of examples kept aside for the final test accuracy (0.2 = 20%); used only once training is done.</source>
        <translation>保留下來計算最終測試準確率的資料比例（0.2 = 20%）；只在訓練完成後使用一次。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="304"/>
        <source>validation</source>
        <translation>驗證</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="304"/>
        <source>test</source>
        <translation>測試</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="310"/>
        <source>Held out:</source>
        <translation>保留資料：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="315"/>
        <source>Fixes the random starting weights, the data split and the shuffling: the same seed gives the same run.</source>
        <translation>固定隨機的初始權重、資料切分和打亂順序：相同的亂數種子會得到相同的訓練結果。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="318"/>
        <source>Seed:</source>
        <translation>亂數種子：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/optimizer_panel.py" line="320"/>
        <source>Pace:</source>
        <translation>速度：</translation>
    </message>
</context>
<context>
    <name>PaceChoice</name>
    <message>
        <location filename="../../tfdesk/gui/pace_choice.py" line="27"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/pace_choice.py" line="27"/>
        <source>{0:,} steps a second</source>
        <translation>每秒 {0:,} 步</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/pace_choice.py" line="30"/>
        <source>How fast training runs, so that you can watch the loss fall. Full speed is as fast as this computer trains; the network learns the same either way. It can be changed while training runs.</source>
        <translation>訓練跑多快，讓你看得到損失下降。全速就是這台電腦能訓練的最快速度；不論快慢，網路學到的都一樣。訓練進行中也可以更改。</translation>
    </message>
</context>
<context>
    <name>PlotHover</name>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="46"/>
        <source>step {step}: loss {loss}</source>
        <translation>第 {step} 步：損失 {loss}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="50"/>
        <source>epoch {epoch}: training {train}</source>
        <translation>第 {epoch} 週期：訓練 {train}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="55"/>
        <source>, validation {val}</source>
        <translation>，驗證 {val}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="72"/>
        <source>epoch {epoch} (step {step}): training accuracy {train}</source>
        <translation>第 {epoch} 週期（第 {step} 步）：訓練準確率 {train}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="78"/>
        <source>, validation accuracy {val}</source>
        <translation>，驗證準確率 {val}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="82"/>
        <source>Point at a curve to read its values.</source>
        <translation>把滑鼠指向曲線就能讀出數值。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="83"/>
        <source>The loss or accuracy at the point under the mouse pointer.</source>
        <translation>滑鼠指標所在位置的損失或準確率。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="110"/>
        <source>Export plot as PNG</source>
        <translation>把圖表匯出為 PNG</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="111"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="114"/>
        <source>Export values as CSV</source>
        <translation>把數值匯出為 CSV</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_hover.py" line="115"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>PlotRuns</name>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="65"/>
        <source>run {number}</source>
        <translation>第 {number} 次訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="109"/>
        <source>training loss (epoch)</source>
        <translation>訓練損失（週期）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="110"/>
        <source>validation loss</source>
        <translation>驗證損失</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="111"/>
        <source>training accuracy</source>
        <translation>訓練準確率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="112"/>
        <source>validation accuracy</source>
        <translation>驗證準確率</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="116"/>
        <source>training loss (each step)</source>
        <translation>訓練損失（每一步）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/plot_runs.py" line="170"/>
        <source>earlier runs</source>
        <translation>先前的訓練</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../tfdesk/gui/draw_views.py" line="120"/>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="31"/>
        <source>Race: optimizers and batch modes</source>
        <translation>競賽：優化器與批次模式</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="34"/>
        <source>Optimizers</source>
        <translation>優化器</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="42"/>
        <source>Batch modes (the slide&apos;s three ways)</source>
        <translation>批次模式（投影片中的三種方法）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="45"/>
        <source>Mini-batch of {0}</source>
        <translation>小批次（每批 {0} 筆）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="54"/>
        <source>epochs: </source>
        <translation>訓練週期：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="55"/>
        <source>&amp;Start the race</source>
        <translation>開始競賽(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="56"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="58"/>
        <source>Export &amp;PNG…</source>
        <translation>匯出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="59"/>
        <source>Export &amp;CSV…</source>
        <translation>匯出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="60"/>
        <source>Every contestant starts from the same initial weights, on the same data; each trains one epoch in turn. Lines: each epoch&apos;s mean loss; faint: the steps&apos; loss, smoothed.</source>
        <translation>每位參賽者都從相同的初始權重、用相同的資料開始，輪流各訓練一個週期。實線：每個週期的平均損失；淡色線：每一步的損失（經過平滑）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="64"/>
        <source>Every &amp;step</source>
        <translation>每一步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="66"/>
        <source>Show each step&apos;s loss as it was, noise and all. Stochastic steps jump by an order of magnitude: unsmoothed, they cover the plot.</source>
        <translation>照原樣顯示每一步的損失，連同雜訊。隨機模式每一步的損失會差到十倍：不經平滑，曲線會蓋滿整張圖。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="74"/>
        <source>epoch</source>
        <translation>訓練週期</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="75"/>
        <source>training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="112"/>
        <source>Tick at least one optimizer and one batch mode.</source>
        <translation>請至少勾選一個優化器和一種批次模式。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="116"/>
        <source>Building {0} networks…</source>
        <translation>正在建立 {0} 個網路…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="136"/>
        <source>Racing {0} contestants…</source>
        <translation>{0} 位參賽者競賽中…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="162"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="162"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="163"/>
        <source>The race could not run: see the message.</source>
        <translation>競賽無法進行：請查看訊息。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="165"/>
        <source>{0} dropped out: {1}</source>
        <translation>{0} 中途退出：{1}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/race_window.py" line="185"/>
        <source>Export the race</source>
        <translation>匯出競賽結果</translation>
    </message>
</context>
<context>
    <name>RangeNote</name>
    <message>
        <location filename="../../tfdesk/gui/range_note.py" line="34"/>
        <source>{what}: {typed} is not allowed here (from {low} to {high}); the value is {kept}.</source>
        <translation>{what}：這裡不能填 {typed}（範圍是 {low} 到 {high}）；數值維持為 {kept}。</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="28"/>
        <source>Run on</source>
        <translation>執行位置</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="30"/>
        <source>This &amp;computer</source>
        <translation>這台電腦(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="32"/>
        <source>A lab &amp;server:</source>
        <translation>實驗室伺服器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="35"/>
        <source>Train on a TensorFlow server of the lab (tfdesk-server). The plot, the drawing and the checkpoints stay on this computer.</source>
        <translation>在實驗室的 TensorFlow 伺服器（tfdesk-server）上訓練。曲線圖、手寫板和檢查點都留在這台電腦上。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="45"/>
        <source>The address tfdesk-server printed, as grpc://host:port. From a laptop, forward the port with SSH first and use grpc://127.0.0.1:PORT.</source>
        <translation>tfdesk-server 印出的位址，格式為 grpc://主機:連接埠。從筆電連線時，請先用 SSH 轉送連接埠，再使用 grpc://127.0.0.1:連接埠。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="47"/>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="49"/>
        <source>Reach the server and list its devices.</source>
        <translation>連上伺服器並列出它的裝置。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="50"/>
        <location filename="../../tfdesk/gui/server_box.py" line="95"/>
        <location filename="../../tfdesk/gui/server_box.py" line="117"/>
        <source>Training runs on this computer.</source>
        <translation>在這台電腦上訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="85"/>
        <source>{address} answers. Its devices: {devices}.</source>
        <translation>{address} 有回應。它的裝置：{devices}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="87"/>
        <source>Start trains there.</source>
        <translation>按「開始」就會在那裡訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="97"/>
        <source>Training on {address}, on its {device}.</source>
        <translation>正在 {address} 上訓練，使用它的 {device}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="109"/>
        <source>Type the server&apos;s address first, e.g. grpc://127.0.0.1:2222.</source>
        <translation>請先輸入伺服器位址，例如 grpc://127.0.0.1:2222。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/server_box.py" line="112"/>
        <source>Reaching {address}…</source>
        <translation>正在連線 {address}…</translation>
    </message>
</context>
<context>
    <name>TrainingProgress</name>
    <message>
        <location filename="../../tfdesk/gui/training_progress.py" line="53"/>
        <source>epoch {0}/{1} · step {2}/{3} · ETA {4}:{5:02d}</source>
        <translation>週期 {0}/{1} · 步數 {2}/{3} · 預計剩餘 {4}:{5:02d}</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="70"/>
        <source>Each square is one hidden unit&apos;s weights on the input pixels: red pixels push the unit up, blue ones down, white ones do not matter. Watch them change as it trains.</source>
        <translation>每個方塊是一個隱藏層神經元對各輸入像素的權重：紅色像素會讓神經元的值升高，藍色會讓它降低，白色則沒有影響。訓練時看看它們如何變化。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="76"/>
        <source>One map per filter: where in your drawing the filter finds its pattern (red: strongly).</source>
        <translation>每個濾鏡一張特徵圖：濾鏡在你的手寫數字中找到它的圖樣的地方（紅色：很強）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="104"/>
        <source>The first hidden layer&apos;s weights are drawn here when the network has a hidden layer and its input is a picture.</source>
        <translation>當網路有隱藏層、且輸入是圖片時，第一個隱藏層的權重會顯示在這裡。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="112"/>
        <source>{name}: {inputs} inputs × {units} hidden units. One {h}×{w} picture per unit; colours run from blue (−{scale:.2g}) through white (0) to red (+{scale:.2g}).</source>
        <translation>{name}：{inputs} 個輸入 × {units} 個隱藏層神經元。每個神經元一張 {h}×{w} 的圖；顏色從藍色（−{scale:.2g}）經過白色（0）到紅色（+{scale:.2g}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="125"/>
        <source>Your drawing through each filter: {n} maps of {h}×{w}. Red marks where a filter finds its pattern.</source>
        <translation>你的手寫數字經過每個濾鏡：{n} 張 {h}×{w} 的特徵圖。紅色標出濾鏡找到它的圖樣的地方。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="136"/>
        <source>{name}: {n} filters of {k}×{k}, each slid over the whole picture. Red weights look for ink, blue ones for blank paper; colours run from −{scale:.2g} to +{scale:.2g}.</source>
        <translation>{name}：{n} 個 {k}×{k} 的濾鏡，各自在整張圖片上滑動。紅色權重找墨跡，藍色找空白；顏色從 −{scale:.2g} 到 +{scale:.2g}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="141"/>
        <source>Draw a digit to see what each filter finds in it.</source>
        <translation>畫一個數字，看看每個濾鏡在其中找到什麼。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/weights_view.py" line="152"/>
        <source>The first layer&apos;s weights appear here once the network is built.</source>
        <translation>網路建立後，第一層的權重會顯示在這裡。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="28"/>
        <source>&amp;New experiment</source>
        <translation>新增實驗(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="29"/>
        <source>&amp;Open experiment…</source>
        <translation>開啟實驗(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="30"/>
        <source>&amp;Save experiment…</source>
        <translation>儲存實驗(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="31"/>
        <source>Save &amp;checkpoint…</source>
        <translation>儲存檢查點(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="32"/>
        <source>Save the trained weights into a folder like the course&apos;s save_model/</source>
        <translation>將訓練好的權重儲存到資料夾，就像課程中的 ./save_model/</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="33"/>
        <source>&amp;Restore weights…</source>
        <translation>載入權重(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="34"/>
        <source>Load a checkpoint&apos;s weights into the network (the course&apos;s 載入權重)</source>
        <translation>將檢查點中的權重載入網路（即課程中的「載入權重」）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="36"/>
        <source>Open &amp;graph (.meta)…</source>
        <translation>開啟計算圖 (.meta)(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="37"/>
        <source>Load a saved graph with its weights (the course&apos;s 載入 graph) and draw digits for it</source>
        <translation>載入已儲存的計算圖及其權重（即課程中的「載入計算圖」），並寫數字讓它辨識</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="38"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="39"/>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="40"/>
        <source>Train the network (Ctrl+Enter)</source>
        <translation>訓練網路（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="41"/>
        <source>&amp;Pause</source>
        <translation>暫停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="42"/>
        <source>Pause or resume training</source>
        <translation>暫停或繼續訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="43"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="43"/>
        <source>Stop training (Esc)</source>
        <translation>停止訓練（Esc）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="44"/>
        <source>&amp;Reset weights</source>
        <translation>重設權重(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="45"/>
        <source>Start again from the initial random weights</source>
        <translation>從最初的隨機權重重新開始</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="47"/>
        <source>&amp;Evaluate on the validation set</source>
        <translation>用驗證集評估(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="48"/>
        <source>Accuracy and confusion matrix on the validation images: the practice exam to compare networks and settings with</source>
        <translation>驗證圖片上的準確率與混淆矩陣：用來比較不同網路與設定的模擬考</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="51"/>
        <source>Final e&amp;xam on the test set…</source>
        <translation>用測試集期末考(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="52"/>
        <source>Accuracy on the test images, kept for the very end: every look you let change your network makes it less of a test (tfdesk counts them)</source>
        <translation>測試圖片上的準確率，留到最後才看：每看一次就改一次網路，它就越不像考試（tfdesk 會幫你計數）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="54"/>
        <source>&amp;About tfdesk</source>
        <translation>關於 tfdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="56"/>
        <source>Write &amp;TensorBoard logs…</source>
        <translation>寫入 &amp;TensorBoard 記錄…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="57"/>
        <source>Each run writes the graph, its losses and histograms of its weights to a folder of its own there, as tfdesk-train --logdir does; run tensorboard --logdir on that folder to see them</source>
        <translation>每次訓練都會把計算圖、損失與權重直方圖寫進那裡自己的資料夾，和 tfdesk-train --logdir 一樣；對那個資料夾執行 tensorboard --logdir 就能看到</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="61"/>
        <source>R&amp;ace…</source>
        <translation>競賽(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="62"/>
        <source>Train several optimizers or batch modes side by side</source>
        <translation>同時訓練多個優化器或批次模式，並排比較</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="63"/>
        <source>Show the &amp;code…</source>
        <translation>顯示程式碼(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="64"/>
        <source>The tf.compat.v1 script that builds and trains this experiment</source>
        <translation>建立並訓練這個實驗的 tf.compat.v1 程式碼</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="78"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="88"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="93"/>
        <source>&amp;Train</source>
        <translation>訓練(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="100"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="110"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="111"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>鍵盤快速鍵(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="126"/>
        <source>On the canvas: take back the last stroke</source>
        <translation>在畫布上：收回最後一筆</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="127"/>
        <source>On the canvas: clear it</source>
        <translation>在畫布上：清除</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="127"/>
        <source>Delete, or right-click</source>
        <translation>刪除鍵，或按右鍵</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="128"/>
        <source>On the canvas: add the drawing as that digit</source>
        <translation>在畫布上：把這張圖加為那個數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="130"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="135"/>
        <source>loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="136"/>
        <source>&lt;b&gt;tfdesk {0}&lt;/b&gt;&lt;br&gt;A desktop TensorFlow trainer for the course.&lt;br&gt;&lt;br&gt;TensorFlow {1}&lt;br&gt;Qt (PySide6) {2}&lt;br&gt;Python {3}&lt;br&gt;&lt;br&gt;{4}</source>
        <translation>&lt;b&gt;tfdesk {0}&lt;/b&gt;&lt;br&gt;課程專用的桌面版 TensorFlow 訓練器。&lt;br&gt;&lt;br&gt;TensorFlow {1}&lt;br&gt;Qt (PySide6) {2}&lt;br&gt;Python {3}&lt;br&gt;&lt;br&gt;{4}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_actions.py" line="139"/>
        <source>About tfdesk</source>
        <translation>關於 tfdesk</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="39"/>
        <source>Open experiment</source>
        <translation>開啟實驗</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="39"/>
        <location filename="../../tfdesk/gui/window_files.py" line="49"/>
        <source>Experiment (*.json)</source>
        <translation>實驗 (*.json)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="49"/>
        <source>Save experiment</source>
        <translation>儲存實驗</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="57"/>
        <source>Saved the experiment in {0}</source>
        <translation>實驗已儲存至 {0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="62"/>
        <source>Write TensorBoard logs into a folder</source>
        <translation>把 TensorBoard 記錄寫進資料夾</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="70"/>
        <source>Each run writes TensorBoard logs into {0}</source>
        <translation>每次訓練都會把 TensorBoard 記錄寫進 {0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="74"/>
        <source>Save the checkpoint into a folder: a new one (Create Folder) or an earlier checkpoint</source>
        <translation>將檢查點儲存到資料夾：新的資料夾（建立新資料夾）或先前的檢查點</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="79"/>
        <source>Restore weights from a checkpoint folder</source>
        <translation>從檢查點資料夾載入權重</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="85"/>
        <source>Open a graph</source>
        <translation>開啟計算圖</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="86"/>
        <source>Graph (*.meta);;All files (*)</source>
        <translation>計算圖 (*.meta);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="94"/>
        <source>Saved the checkpoint in {0}</source>
        <translation>檢查點已儲存至 {0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_files.py" line="103"/>
        <source>Restored the weights from {0}</source>
        <translation>已從 {0} 載入權重</translation>
    </message>
</context>
<context>
    <name>WindowReports</name>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="59"/>
        <source>TensorFlow {0} ready. Press Start (Ctrl+Enter) to train.</source>
        <translation>TensorFlow {0} 已就緒。按「開始」（Ctrl+Enter）即可開始訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="145"/>
        <source>{0}×{1} image</source>
        <translation>{0}×{1} 影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="95"/>
        <source>Finished in {0:.1f} s</source>
        <translation>已完成，耗時 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="95"/>
        <source>Stopped after {0:.1f} s</source>
        <translation>已停止，執行了 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="96"/>
        <source>Training failed after {0:.1f} s</source>
        <translation>訓練失敗（執行了 {0:.1f} 秒）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="98"/>
        <source> (its steps compiled by XLA)</source>
        <translation>（步驟由 XLA 編譯執行）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="99"/>
        <location filename="../../tfdesk/gui/window_reports.py" line="177"/>
        <source>Could not train</source>
        <translation>無法訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="106"/>
        <source>Test mse {0:.4f}</source>
        <translation>測試均方誤差 {0:.4f}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="107"/>
        <source>Validation mse {0:.4f}</source>
        <translation>驗證 MSE {0:.4f}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="124"/>
        <source>Weights reset</source>
        <translation>權重已重設</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="156"/>
        <source>The graph takes {0} numbers, not an 8×8 or 28×28 image, so it cannot be drawn for.</source>
        <translation>這個計算圖的輸入是 {0} 個數字，而不是 8×8 或 28×28 的影像，所以無法用手寫數字測試。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="159"/>
        <source>Drawings now go to the opened graph: {0} → {1}. Start trains your experiment&apos;s network again.</source>
        <translation>現在你寫的數字會送進開啟的計算圖：{0} → {1}。按「開始」會重新訓練你實驗中的網路。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="167"/>
        <source>The network of your last session is kept in {0}; File ▸ Restore weights opens it.</source>
        <translation>你上次的網路保留在 {0}；用「檔案 ▸ 載入權重」即可開啟。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="176"/>
        <source>Building the graph…</source>
        <translation>正在建立計算圖…</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="179"/>
        <location filename="../../tfdesk/gui/window_reports.py" line="185"/>
        <source>tfdesk</source>
        <translation>tfdesk</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/window_reports.py" line="201"/>
        <source>no hidden layer</source>
        <translation>無隱藏層</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="77"/>
        <source>Could not save the checkpoint in {folder}: {reason}. Any checkpoint that was there is unchanged.</source>
        <translation>無法將檢查點儲存到 {folder}：{reason}。原本在那裡的檢查點都沒有變動。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="95"/>
        <source>The server at {address} stopped answering before an epoch finished: there are no weights to save.</source>
        <translation>{address} 的伺服器在第一個訓練週期完成前就沒有回應了：沒有可以儲存的權重。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="107"/>
        <source>No folder was given for the checkpoint.</source>
        <translation>沒有指定要儲存檢查點的資料夾。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="112"/>
        <source>{folder} is a file, not a folder; choose a folder for the checkpoint.</source>
        <translation>{folder} 是檔案，不是資料夾；請為檢查點選擇一個資料夾。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="119"/>
        <source>{folder} holds files tfdesk did not write ({files}); a checkpoint replaces the whole folder, so choose an empty folder or an existing checkpoint.</source>
        <translation>{folder} 裡有不是 tfdesk 寫入的檔案（{files}）；檢查點會取代整個資料夾，所以請選擇空的資料夾或既有的檢查點。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="129"/>
        <source>Cannot save a checkpoint in {folder}: {reason}.</source>
        <translation>無法在 {folder} 儲存檢查點：{reason}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="195"/>
        <source>{path}: no checkpoint here (no .index file).</source>
        <translation>{path}：這裡沒有檢查點（找不到 .index 檔）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="205"/>
        <source>{path}: no checkpoint found (expected {name}.index).</source>
        <translation>{path}：找不到檢查點（應該要有 {name}.index）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="222"/>
        <source>{path}: cannot read the checkpoint&apos;s description ({problem}).</source>
        <translation>{path}：無法讀取檢查點的說明檔（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="228"/>
        <source>{path}: cannot read the checkpoint&apos;s description ({reason}).</source>
        <translation>{path}：無法讀取檢查點的說明檔（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="232"/>
        <source>{path}: not a tfdesk checkpoint description.</source>
        <translation>{path}：不是 tfdesk 檢查點的說明檔。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="242"/>
        <source>{folder}: has no {sidecar}; restore it into the current network instead, or open its graph (.meta).</source>
        <translation>{folder}：沒有 {sidecar}；請改為把它載入目前的網路，或開啟它的計算圖 (.meta)。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="249"/>
        <source>{path}: its experiment is not valid: {error}</source>
        <translation>{path}：其中的實驗設定無效：{error}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="264"/>
        <location filename="../../tfdesk/core/checkpoint.py" line="285"/>
        <location filename="../../tfdesk/core/foreign_graph.py" line="157"/>
        <source>{prefix}: cannot read the checkpoint ({reason}).</source>
        <translation>{prefix}：無法讀取檢查點（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="272"/>
        <source>The checkpoint does not fit this network:
  {problems}</source>
        <translation>這個檢查點和目前的網路不相符：
  {problems}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="302"/>
        <source>{checkpoint}: {sidecar} says the {key} is {value!r}; it must be a whole number from 0 to {max_epoch:,}.</source>
        <translation>{checkpoint}：{sidecar} 說 {key} 是 {value!r}；它必須是 0 到 {max_epoch:,} 的整數。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="312"/>
        <source>{variable} {shape}: not in the checkpoint</source>
        <translation>{variable} {shape}：檢查點中沒有</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="315"/>
        <source>{variable}: the network has shape {shape}, the checkpoint {saved_shape}</source>
        <translation>{variable}：網路中的形狀是 {shape}，檢查點中是 {saved_shape}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/checkpoint.py" line="320"/>
        <source>{variable} {shape}: in the checkpoint but not in this network</source>
        <translation>{variable} {shape}：檢查點中有，但這個網路沒有</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/codegen.py" line="27"/>
        <source>code style: choose one of {styles}, not {style!r}</source>
        <translation>程式碼寫法：請從 {styles} 中選擇，而不是 {style!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/codegen.py" line="32"/>
        <source>The code view writes the digits and the curve lessons; a data file&apos;s loading code is not generated.</source>
        <translation>程式碼檢視只能產生手寫數字和曲線課程的程式碼；不會產生讀取資料檔案的程式碼。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="77"/>
        <source>data.source: unknown source {source!r}</source>
        <translation>data.source：未知的資料來源 {source!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="81"/>
        <source>data.augment: this data is not pictures (a row of numbers), so it cannot be shifted or turned; untick augmentation</source>
        <translation>data.augment：這份資料不是影像（只是一列數字），無法移動或旋轉；請取消勾選資料擴增</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="111"/>
        <source>{option}: drawings are 8×8 or 28×28 digit images; this data set has {n_features} features per example</source>
        <translation>{option}：手繪數字是 8×8 或 28×28 的數字影像；這個資料集每筆資料有 {n_features} 個特徵</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="116"/>
        <source>{option}: drawings are the digits 0–9; this data set has {n_classes} classes</source>
        <translation>{option}：手繪數字是 0–9 的數字；這個資料集有 {n_classes} 個類別</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="121"/>
        <source>{option}: the collection holds no drawings yet</source>
        <translation>{option}：收藏中還沒有任何手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="145"/>
        <source>scikit-learn handwritten digits (1,797 images, 8×8)</source>
        <translation>scikit-learn 手寫數字（1,797 張影像，8×8）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="186"/>
        <source>every example has the same label; at least two classes are needed</source>
        <translation>每筆資料的標籤都相同；至少需要兩個類別</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="191"/>
        <source>{path} ({count:,} examples, {features} features)</source>
        <translation>{path}（{count:,} 筆資料，{features} 個特徵）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="205"/>
        <source>data: {count} examples are too few; tfdesk needs at least {minimum} to train, validate and test on ({description})</source>
        <translation>資料：{count} 筆資料太少了；tfdesk 至少需要 {minimum} 筆才能訓練、驗證和測試（{description}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data.py" line="232"/>
        <source>training: {count} examples cannot be split {fraction:.0%} / {rest:.0%}; use more data or other fractions</source>
        <translation>訓練：{count} 筆資料無法按 {fraction:.0%} / {rest:.0%} 切分；請使用更多資料或其他比例</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data_files.py" line="22"/>
        <source>supported formats: idx (MNIST *-ubyte files, plain or .gz, or a folder of them), npz (x_train, y_train, x_test, y_test as in Keras&apos;s mnist.npz), csv (label in the first column, features after it)</source>
        <translation>支援的格式：idx（MNIST 的 *-ubyte 檔案，未壓縮或 .gz，或是放這些檔案的資料夾）、npz（x_train、y_train、x_test、y_test，和 Keras 的 mnist.npz 相同）、csv（第一欄是標籤，之後是特徵）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data_files.py" line="43"/>
        <source>unknown format {format!r}; {supported}</source>
        <translation>未知的格式 {format!r}；{supported}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data_files.py" line="59"/>
        <location filename="../../tfdesk/core/idx_files.py" line="32"/>
        <location filename="../../tfdesk/core/read_limits.py" line="33"/>
        <source>file not found</source>
        <translation>找不到檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/data_files.py" line="61"/>
        <source>cannot tell the format from the file name; {supported}</source>
        <translation>無法從檔名判斷格式；{supported}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="36"/>
        <source>permission denied: tfdesk may not read this file</source>
        <translation>權限不足：tfdesk 無法讀取這個檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="38"/>
        <location filename="../../tfdesk/core/read_limits.py" line="56"/>
        <source>this is a folder, not a file</source>
        <translation>這是資料夾，不是檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="41"/>
        <source>cannot read the file ({reason})</source>
        <translation>無法讀取檔案（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="45"/>
        <source>not enough memory to load this file</source>
        <translation>記憶體不足，無法載入這個檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="59"/>
        <source>not a regular file (a device, pipe or socket); choose a file saved on disk</source>
        <translation>不是一般檔案（而是裝置、管道或通訊端）；請選擇儲存在磁碟上的檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="63"/>
        <source>too large: {size:,} bytes, and tfdesk reads up to {limit:,} for this kind of file</source>
        <translation>檔案太大：{size:,} 位元組，這類檔案 tfdesk 最多只讀取 {limit:,} 位元組</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/read_limits.py" line="74"/>
        <source>{declared} would take {need_gb:.1f} GB of memory once loaded; tfdesk loads data sets up to {budget_gb:.0f} GB. Is the file damaged?</source>
        <translation>{declared}載入後會佔用 {need_gb:.1f} GB 記憶體；tfdesk 最多只載入 {budget_gb:.0f} GB 的資料集。檔案是否已損壞？</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="49"/>
        <source>labels file not found: expected {name} in the same folder (or choose the labels file)</source>
        <translation>找不到標籤檔：同一個資料夾裡應該要有 {name}（或請選擇標籤檔）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="53"/>
        <source>cannot guess the labels file from this name (expected &apos;...-images-idx3-ubyte&apos;); choose the labels file</source>
        <translation>無法從這個檔名推測標籤檔（應該是 &apos;...-images-idx3-ubyte&apos; 這樣的名稱）；請選擇標籤檔</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="71"/>
        <source>no {missing}[.gz] in this folder; an MNIST folder holds train-images-idx3-ubyte and train-labels-idx1-ubyte, and optionally the t10k-... pair</source>
        <translation>這個資料夾裡沒有 {missing}[.gz]；MNIST 資料夾裡應該有 train-images-idx3-ubyte 和 train-labels-idx1-ubyte，也可以再加上 t10k-... 那一組</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="79"/>
        <source>the test pair is incomplete: no {missing}[.gz] in this folder</source>
        <translation>測試資料不完整：這個資料夾裡沒有 {missing}[.gz]</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="98"/>
        <source>IDX images</source>
        <translation>IDX 影像檔</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="99"/>
        <source>IDX labels</source>
        <translation>IDX 標籤檔</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="64"/>
        <location filename="../../tfdesk/core/idx_files.py" line="107"/>
        <location filename="../../tfdesk/core/npz_files.py" line="53"/>
        <source>the file is empty</source>
        <translation>檔案是空的</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="110"/>
        <source>truncated: {size} bytes, too short for an IDX header</source>
        <translation>檔案不完整：只有 {size} 位元組，不夠一個 IDX 檔頭</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="116"/>
        <source>wrong magic number 0x{magic:08X}, expected 0x{expected:08X} for {what} (this is an IDX images file)</source>
        <translation>魔術數字 0x{magic:08X} 不正確，{what}應該是 0x{expected:08X}（這是 IDX 影像檔）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="119"/>
        <source>wrong magic number 0x{magic:08X}, expected 0x{expected:08X} for {what} (this is an IDX labels file)</source>
        <translation>魔術數字 0x{magic:08X} 不正確，{what}應該是 0x{expected:08X}（這是 IDX 標籤檔）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="122"/>
        <source>wrong magic number 0x{magic:08X}, expected 0x{expected:08X} for {what}</source>
        <translation>魔術數字 0x{magic:08X} 不正確，{what}應該是 0x{expected:08X}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="127"/>
        <source>truncated: the IDX header is cut off</source>
        <translation>檔案不完整：IDX 檔頭被截斷了</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="129"/>
        <source>{count:,} images of {height}×{width}</source>
        <translation>{count:,} 張 {height}×{width} 的影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="131"/>
        <source>{count:,} labels</source>
        <translation>{count:,} 個標籤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="134"/>
        <source>the header declares {declared}: there is no data</source>
        <translation>檔頭宣告的是 {declared}：沒有任何資料</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="139"/>
        <source>{images:,} images but {labels:,} labels in {name}</source>
        <translation>有 {images:,} 張影像，但 {name} 中有 {labels:,} 個標籤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="141"/>
        <source>the header&apos;s {declared}</source>
        <translation>檔頭宣告的 {declared}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="147"/>
        <location filename="../../tfdesk/core/idx_files.py" line="157"/>
        <source>truncated: header declares {declared} ({need:,} bytes) but the file holds {have:,}</source>
        <translation>檔案不完整：檔頭宣告 {declared}（{need:,} 位元組），但檔案只有 {have:,} 位元組</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="153"/>
        <source>the gzip data is damaged or cut off ({reason})</source>
        <translation>gzip 資料已損壞或被截斷（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/idx_files.py" line="162"/>
        <source>the file holds more than the {need:,} bytes its header declares ({declared}); is it really {what}?</source>
        <translation>檔案內容超過檔頭宣告的 {need:,} 位元組（{declared}）；它真的是 {what}嗎？</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="27"/>
        <source>x_train, y_train and optionally x_test, y_test</source>
        <translation>x_train、y_train，以及可有可無的 x_test、y_test</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="33"/>
        <source>missing {absent}: x_test and y_test go together</source>
        <translation>缺少 {absent}：x_test 和 y_test 必須同時存在</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="56"/>
        <source>this is a single .npy array; tfdesk needs an .npz holding {expected}, see numpy.savez</source>
        <translation>這是單一個 .npy 陣列；tfdesk 需要的是包含 {expected} 的 .npz 檔（請參考 numpy.savez）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="61"/>
        <source>not an .npz file (an .npz is a zip archive of arrays, as written by numpy.savez)</source>
        <translation>不是 .npz 檔（.npz 是由 numpy.savez 寫成、裝著多個陣列的 zip 壓縮檔）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="68"/>
        <source>nothing</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="70"/>
        <source>missing {missing} (the file holds {held}); expected {expected}</source>
        <translation>缺少 {missing}（檔案中有：{held}）；應該包含 {expected}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="80"/>
        <source>the .npz archive is damaged or unreadable ({reason})</source>
        <translation>.npz 壓縮檔已損壞或無法讀取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="96"/>
        <source>{key} holds Python objects (pickled data), which tfdesk refuses to load because unpickling can run code; save plain numeric arrays</source>
        <translation>{key} 裡是 Python 物件（pickle 資料）；還原 pickle 資料可能會執行程式碼，所以 tfdesk 拒絕載入；請儲存單純的數值陣列</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="104"/>
        <source>{key} declares shape {shape} ({need:,} bytes) but its part of the archive holds {have:,} bytes; is the file damaged?</source>
        <translation>{key} 宣告的形狀是 {shape}（{need:,} 位元組），但它在壓縮檔中只有 {have:,} 位元組；檔案是否已損壞？</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="111"/>
        <source>{key} declares shape {shape}, which would take {need_gb:.1f} GB of memory once loaded; tfdesk loads data sets up to {budget_gb:.0f} GB. Is the file damaged?</source>
        <translation>{key} 宣告的形狀是 {shape}，載入後會佔用 {need_gb:.1f} GB 記憶體；tfdesk 最多只載入 {budget_gb:.0f} GB 的資料集。檔案是否已損壞？</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/npz_files.py" line="119"/>
        <source>{key} is truncated: {have:,} of {need:,} bytes</source>
        <translation>{key} 不完整：只有 {need:,} 位元組中的 {have:,} 位元組</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="37"/>
        <source>features</source>
        <translation>特徵</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="38"/>
        <source>labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="39"/>
        <source>in row {row}</source>
        <translation>第 {row} 列中</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="65"/>
        <location filename="../../tfdesk/core/csv_files.py" line="115"/>
        <source>the file holds no data rows</source>
        <translation>檔案中沒有任何資料列</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="96"/>
        <source>row {row} has only one column; tfdesk needs the label in the first column and features after it, separated by commas</source>
        <translation>第 {row} 列只有一欄；tfdesk 需要第一欄是標籤，之後是特徵，並以逗號分隔</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="102"/>
        <source>row {row} has {columns} columns but row {first_row} has {first_columns}</source>
        <translation>第 {row} 列有 {columns} 欄，但第 {first_row} 列有 {first_columns} 欄</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="108"/>
        <source>not a text file (it is not UTF-8); is it really a CSV?</source>
        <translation>不是文字檔（不是 UTF-8 編碼）；它真的是 CSV 檔嗎？</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="112"/>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 列：{reason}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="130"/>
        <source>row {row}, column {column} is empty</source>
        <translation>第 {row} 列第 {column} 欄是空的</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="136"/>
        <source>row {row}, column {column}: {text!r} is not a number</source>
        <translation>第 {row} 列第 {column} 欄：{text!r} 不是數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/csv_files.py" line="140"/>
        <source>row {row}, column {column}: {text!r} is not a finite number</source>
        <translation>第 {row} 列第 {column} 欄：{text!r} 不是有限的數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="35"/>
        <source>at {array}[{index}]</source>
        <translation>{array}[{index}] 中</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="44"/>
        <source>{count:,} images but {labels:,} labels ({x} vs {y})</source>
        <translation>有 {count:,} 張影像，但有 {labels:,} 個標籤（{x} 與 {y}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="46"/>
        <source>{count:,} samples but {labels:,} labels ({x} vs {y})</source>
        <translation>有 {count:,} 個樣本，但有 {labels:,} 個標籤（{x} 與 {y}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="51"/>
        <source>images of different sizes: {train} {train_size}, {test} {test_size}</source>
        <translation>影像大小不一致：{train} {train_size}，{test} {test_size}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="54"/>
        <source>samples of different sizes: {train} {train_size}, {test} {test_size}</source>
        <translation>樣本大小不一致：{train} {train_size}，{test} {test_size}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="75"/>
        <source>is {height}×{width}</source>
        <translation>是 {height}×{width}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="76"/>
        <source>has {count:,} features</source>
        <translation>有 {count:,} 個特徵</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="82"/>
        <source>{name} holds {kind} values; expected numbers</source>
        <translation>{name} 的值是 {kind}；應該是數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="88"/>
        <source>{name} has shape {shape}; expected (samples, height, width) images or (samples, features)</source>
        <translation>{name} 的形狀是 {shape}；應該是 (樣本, 高, 寬) 的影像或 (樣本, 特徵)</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="92"/>
        <source>{name} holds no samples</source>
        <translation>{name} 裡沒有任何樣本</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="95"/>
        <source>{name} has shape {shape}: its samples are empty</source>
        <translation>{name} 的形狀是 {shape}：它的樣本是空的</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="101"/>
        <source>{name} holds NaN or infinite values (first in sample {sample})</source>
        <translation>{name} 含有 NaN 或無限大的值（第一個出現在樣本 {sample}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="113"/>
        <source>feature {feature} {where} is {value:g}, too large for the 32-bit numbers a network computes with (at most about 3.4e38)</source>
        <translation>{where}的第 {feature} 個特徵是 {value:g}，超出網路運算所用的 32 位元數字範圍（最大約 3.4e38）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="124"/>
        <source>{name} has shape {shape}; expected one label per sample</source>
        <translation>{name} 的形狀是 {shape}；應該是每個樣本一個標籤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="128"/>
        <source>{name} holds {kind} values; labels must be whole numbers</source>
        <translation>{name} 的值是 {kind}；標籤必須是整數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="139"/>
        <source>label {label} {where} is not a whole number</source>
        <translation>{where}的標籤 {label} 不是整數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="145"/>
        <source>label {label} {where} is out of range (0–{highest})</source>
        <translation>{where}的標籤 {label} 超出範圍（0–{highest}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/raw_data.py" line="151"/>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="74"/>
        <source>nothing drawn</source>
        <translation>畫布上沒有任何筆跡</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="99"/>
        <source>a {input_format} input has {expected} values, this one has {size}</source>
        <translation>{input_format} 的輸入有 {expected} 個數值，這個卻有 {size} 個</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="107"/>
        <source>unknown input format {input_format!r}; choose one of {formats}</source>
        <translation>未知的輸入格式 {input_format!r}；請從 {formats} 中選擇</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="116"/>
        <source>the canvas must be a 2-D grayscale image, not {ndim}-D</source>
        <translation>畫布必須是二維的灰階影像，而不是 {ndim} 維</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="120"/>
        <source>the canvas must hold numbers, not {dtype}</source>
        <translation>畫布的內容必須是數字，而不是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing.py" line="127"/>
        <source>the canvas holds values that are not finite numbers</source>
        <translation>畫布中有不是有限數字的值</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="67"/>
        <source>a drawing&apos;s label is a digit 0–9, not {label!r}</source>
        <translation>手繪數字的標籤必須是 0–9 的數字，而不是 {label!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="93"/>
        <source>the collection is full ({limit:,} drawings)</source>
        <translation>收藏已滿（{limit:,} 張手繪數字）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="107"/>
        <source>together the collections hold more than {limit:,} drawings</source>
        <translation>合併後的收藏超過 {limit:,} 張手繪數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="145"/>
        <source>{path}: cannot save the drawings ({reason})</source>
        <translation>{path}：無法儲存手繪數字（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="173"/>
        <source>a tfdesk drawing collection (File ▸ Export drawings)</source>
        <translation>tfdesk 的手繪數字收藏（檔案 ▸ 匯出手繪數字）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="186"/>
        <source>not a usable drawing collection: {problem}</source>
        <translation>不是可以使用的手繪數字收藏：{problem}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="190"/>
        <source>its version is not a whole number</source>
        <translation>它的版本不是整數</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="193"/>
        <source>it was written in format {version}; this tfdesk reads format {format_version}</source>
        <translation>它是以第 {version} 版格式寫成的；這個 tfdesk 讀取的是第 {format_version} 版格式</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="199"/>
        <source>labels must be a list of at most {limit:,} digits</source>
        <translation>標籤必須是最多 {limit:,} 個數字的清單</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="204"/>
        <source>{key} has shape {shape}, but there are {count} labels</source>
        <translation>{key} 的形狀是 {shape}，但有 {count} 個標籤</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="209"/>
        <source>{key} must be {count} × {size} values 0–{top}</source>
        <translation>{key} 必須是 {count} × {size} 個 0–{top} 的數值</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="212"/>
        <source>labels must be digits 0–9</source>
        <translation>標籤必須是 0–9 的數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="214"/>
        <source>writers must be text</source>
        <translation>書寫者必須是文字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="217"/>
        <source>{key} must be finite numbers</source>
        <translation>{key} 必須是有限的數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="220"/>
        <source>a pen width or canvas size is out of range</source>
        <translation>筆刷粗細或畫布大小超出範圍</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="225"/>
        <source>every drawing needs at least one stroke of at least one point</source>
        <translation>每張手繪數字至少要有一筆，每一筆至少要有一個點</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="228"/>
        <source>the drawings have {strokes} strokes in all, but {stored} are stored</source>
        <translation>手繪數字總共有 {strokes} 筆，但只儲存了 {stored} 筆</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="234"/>
        <source>the stroke points do not add up</source>
        <translation>筆畫的點數對不起來</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="236"/>
        <source>a stroke point is not a finite number</source>
        <translation>有一個筆畫點不是有限的數字</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="265"/>
        <source>Your drawings could not be read ({error}); it was left as it is and a new collection was started.</source>
        <translation>無法讀取你的手繪數字（{error}）；原檔案保持原樣，並已開始一個新的收藏。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="269"/>
        <source>Your drawings could not be read ({error}); it was kept as {aside} and a new collection was started.</source>
        <translation>無法讀取你的手繪數字（{error}）；原檔案已保留為 {aside}，並已開始一個新的收藏。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/drawing_collection.py" line="302"/>
        <source>{path} is the collection itself; export to another file</source>
        <translation>{path} 就是收藏本身；請匯出到另一個檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/errors.py" line="55"/>
        <location filename="../../tfdesk/core/spec_json.py" line="71"/>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="65"/>
        <source>{meta}: not a regular file.</source>
        <translation>{meta}：不是一般檔案。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="69"/>
        <source>{meta}: {size:,} bytes is too large for a graph file; tfdesk opens graphs up to {limit_mb} MB.</source>
        <translation>{meta}：{size:,} 位元組對計算圖檔來說太大了；tfdesk 最多只開啟 {limit_mb} MB 的計算圖。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="76"/>
        <source>{meta}: not a TensorFlow graph file ({reason}).</source>
        <translation>{meta}：不是 TensorFlow 的計算圖檔（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="114"/>
        <source>{meta}: no graph file (.meta) beside this checkpoint.</source>
        <translation>{meta}：這個檢查點旁邊沒有計算圖檔 (.meta)。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="126"/>
        <source>{meta}: cannot read the graph ({reason}).</source>
        <translation>{meta}：無法讀取計算圖（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="130"/>
        <source>{meta}: the graph has no variables to restore.</source>
        <translation>{meta}：計算圖中沒有可以載入的變數。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="164"/>
        <source>{meta}: {name} is listed as a variable but is a {op} op; refused.</source>
        <translation>{meta}：{name} 被列為變數，實際上卻是 {op} 運算；已拒絕。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="169"/>
        <source>{meta}: the variable {name} has no fixed shape; refused.</source>
        <translation>{meta}：變數 {name} 沒有固定的形狀；已拒絕。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="175"/>
        <source>{prefix}: the graph&apos;s variable {name} is not in the checkpoint.</source>
        <translation>{prefix}：計算圖的變數 {name} 不在檢查點中。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="180"/>
        <source>{prefix}: {name} is {shape} {dtype} in the graph but {saved_shape} {saved_dtype} in the checkpoint.</source>
        <translation>{prefix}：{name} 在計算圖中是 {shape} {dtype}，在檢查點中卻是 {saved_shape} {saved_dtype}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="187"/>
        <source>{prefix}: its weights take {total:,} bytes; tfdesk restores up to {limit_mb} MB.</source>
        <translation>{prefix}：它的權重佔 {total:,} 位元組；tfdesk 最多只載入 {limit_mb} MB。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="195"/>
        <source>{prefix}: cannot restore the weights ({reason}).</source>
        <translation>{prefix}：無法載入權重（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="237"/>
        <source>The graph has no tensor named {name!r}.</source>
        <translation>計算圖中沒有名為 {name!r} 的張量。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="255"/>
        <source>{name} ({op}): not an operation of a dense network</source>
        <translation>{name} ({op})：不是全連接網路會用到的運算</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="259"/>
        <source>{name} ({op}): a loop or branch, which could run forever</source>
        <translation>{name} ({op})：迴圈或分支，可能永遠執行不完</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="266"/>
        <source>{tensor}: its size is not known before running</source>
        <translation>{tensor}：執行之前無法得知它的大小</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="269"/>
        <source>{tensor}: {size:,} values, more than tfdesk computes ({limit:,})</source>
        <translation>{tensor}：{size:,} 個數值，超過 tfdesk 的運算上限（{limit:,}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="274"/>
        <source>{prefix}.meta: refused to compute {output} from {input}: {problems}; and {more} more.</source>
        <translation>{prefix}.meta：拒絕從 {input} 計算 {output}：{problems}；還有另外 {more} 項。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="280"/>
        <source>{prefix}.meta: refused to compute {output} from {input}: {problems}.</source>
        <translation>{prefix}.meta：拒絕從 {input} 計算 {output}：{problems}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="297"/>
        <source>The graph did not compute {output_name} within {seconds:g} s; it was stopped.</source>
        <translation>計算圖沒有在 {seconds:g} 秒內算出 {output_name}；已停止計算。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="302"/>
        <source>The graph could not compute {output_name}: {reason}</source>
        <translation>計算圖無法算出 {output_name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="341"/>
        <source>{prefix}.meta has no input/x_input:0 and output_layer/output:0 (the course&apos;s names). Its placeholders: none. Choose the input and output tensors.</source>
        <translation>{prefix}.meta 中沒有 input/x_input:0 和 output_layer/output:0（課程中的名稱）。它的佔位符：無。請選擇輸入和輸出張量。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/foreign_graph.py" line="345"/>
        <source>{prefix}.meta has no input/x_input:0 and output_layer/output:0 (the course&apos;s names). Its placeholders: {placeholders}. Choose the input and output tensors.</source>
        <translation>{prefix}.meta 中沒有 input/x_input:0 和 output_layer/output:0（課程中的名稱）。它的佔位符：{placeholders}。請選擇輸入和輸出張量。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="68"/>
        <source>{path}: the graph took more than {timeout:g} s and was stopped. Open it again to retry.</source>
        <translation>{path}：計算圖執行超過 {timeout:g} 秒，已被停止。請重新開啟再試一次。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="84"/>
        <location filename="../../tfdesk/core/graph_process.py" line="86"/>
        <source>signal {signal}</source>
        <translation>訊號 {signal}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="88"/>
        <source>exit code {code}</source>
        <translation>結束代碼 {code}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="89"/>
        <source>{path}: TensorFlow stopped while working on this graph ({how}); the file is damaged or made to do harm. It ran in a separate process: nothing else was affected. Open another graph, or Start to train your own network.</source>
        <translation>{path}：TensorFlow 在處理這個計算圖時停止了（{how}）；這個檔案已損壞，或是被刻意做成有害的。它是在獨立的行程中執行的，其他部分都沒有受到影響。請開啟另一個計算圖，或按「開始」訓練你自己的網路。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="119"/>
        <source>{path}: cannot open this graph ({kind}: {reason})</source>
        <translation>{path}：無法開啟這個計算圖（{kind}：{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="131"/>
        <source>unknown request {method!r}</source>
        <translation>未知的請求 {method!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_process.py" line="136"/>
        <source>The graph could not answer ({kind}: {reason})</source>
        <translation>計算圖無法回答（{kind}：{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_safety.py" line="113"/>
        <source>{path}: refused to run this graph. It holds operations a dense network does not need and that could read or write files, use the network or run code: {ops} and {more} more.</source>
        <translation>{path}：拒絕執行這個計算圖。其中有全連接網路用不到、而且可能讀寫檔案、使用網路連線或執行程式碼的運算：{ops}，還有另外 {more} 個。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/graph_safety.py" line="119"/>
        <source>{path}: refused to run this graph. It holds operations a dense network does not need and that could read or write files, use the network or run code: {ops}.</source>
        <translation>{path}：拒絕執行這個計算圖。其中有全連接網路用不到、而且可能讀寫檔案、使用網路連線或執行程式碼的運算：{ops}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/i18n.py" line="80"/>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/race.py" line="50"/>
        <source>Choose at least one optimizer and one batch mode to race.</source>
        <translation>請至少選擇一個優化器和一種批次模式來競賽。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="198"/>
        <source>data.path: a file is needed when data.source is &apos;file&apos;</source>
        <translation>data.path：data.source 為 &apos;file&apos; 時必須指定檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="206"/>
        <source>data.drawings: a file name, or null for no drawings</source>
        <translation>data.drawings：填入檔名，不使用手繪數字則填 null</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="211"/>
        <source>data.{option}: the curve lessons have no images; it works with the digits and image files</source>
        <translation>data.{option}：曲線課程沒有影像；這個選項只適用於手寫數字和影像檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="216"/>
        <source>data.drawings: the curve lessons have no images; drawings mix into the digits and image files</source>
        <translation>data.drawings：曲線課程沒有影像；手繪數字只能混入手寫數字和影像檔案</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="222"/>
        <source>model.hidden_layers: at most {max_layers} layers, got {count:,}</source>
        <translation>model.hidden_layers：最多 {max_layers} 層，這裡有 {count:,} 層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="408"/>
        <source>example: unknown example {name!r}; choose one of digits, course, conv, linear, quadratic</source>
        <translation>example：沒有範例 {name!r}；請從 digits、course、conv、linear、quadratic 中選一個</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="420"/>
        <source>{layer}.dropout: must be in [0, 1), got {dropout!r}</source>
        <translation>{layer}.dropout：必須在 [0, 1) 之間，這裡是 {dropout!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="238"/>
        <source>optimizer.momentum: must be in [0, 1), got {momentum!r}</source>
        <translation>optimizer.momentum：必須在 [0, 1) 之間，這裡是 {momentum!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="246"/>
        <source>optimizer.{option}: must be in [0, 1), got {value!r}</source>
        <translation>optimizer.{option}：必須在 [0, 1) 之間，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="261"/>
        <source>training.{option}: must be in [0, 1), got {value!r}</source>
        <translation>training.{option}：必須在 [0, 1) 之間，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="265"/>
        <source>training.validation_fraction + training.test_fraction: together they must leave at least 10% of the data for training</source>
        <translation>training.validation_fraction + training.test_fraction：兩者加起來必須至少留下 10% 的資料用來訓練</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="272"/>
        <source>training.early_stopping: it watches the validation loss; keep some data for validation (training.validation_fraction above 0)</source>
        <translation>training.early_stopping：它看的是驗證損失；請保留一些資料做驗證（training.validation_fraction 大於 0）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="277"/>
        <source>training.batch_size: {batch_size} is larger than the training set ({n_train} examples); choose at most {n_train} or full batch</source>
        <translation>training.batch_size：{batch_size} 比訓練集（{n_train} 筆資料）還大；請選擇最多 {n_train}，或改用全批次</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="284"/>
        <source>device: must be &apos;cpu&apos; or &apos;gpu:N&apos; (N = 0, 1, …), got {device!r}</source>
        <translation>device：必須是 &apos;cpu&apos; 或 &apos;gpu:N&apos;（N = 0、1、…），這裡是 {device!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="289"/>
        <source>name: must be text, got {type}</source>
        <translation>name：必須是文字，這裡是 {type}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="321"/>
        <source>model.hidden_layers: this network has {parameters:,} weights and biases; tfdesk builds networks of up to {max_parameters:,} (with the optimizer&apos;s copies that is already {memory_gb:.1f} GB). Use fewer or smaller layers.</source>
        <translation>model.hidden_layers：這個網路有 {parameters:,} 個權重和偏差；tfdesk 最多只建立 {max_parameters:,} 個的網路（加上優化器的副本就已經有 {memory_gb:.1f} GB）。請使用較少或較小的層。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="424"/>
        <source>{layer}.dropout: tfdesk drops units of dense layers only; set it to 0 for a {kind} layer</source>
        <translation>{layer}.dropout：tfdesk 只對全連接層做 dropout；{kind} 層請設為 0</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="35"/>
        <source>{source}: not valid JSON ({reason})</source>
        <translation>{source}：不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="47"/>
        <source>{path}: cannot read the experiment file ({problem})</source>
        <translation>{path}：無法讀取實驗檔（{problem}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="53"/>
        <source>{path}: cannot read the experiment file ({reason})</source>
        <translation>{path}：無法讀取實驗檔（{reason}）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="57"/>
        <source>{path}: too large for an experiment file ({size:,} bytes)</source>
        <translation>{path}：對實驗檔來說太大了（{size:,} 位元組）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="64"/>
        <source>{path}: not a text file (expected UTF-8 JSON)</source>
        <translation>{path}：不是文字檔（應該是 UTF-8 編碼的 JSON）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="19"/>
        <source>{field}: must be one of {choices}; got {value!r}</source>
        <translation>{field}：必須是 {choices} 其中之一，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="87"/>
        <source>the key {key!r} appears twice in one object; keep one</source>
        <translation>鍵 {key!r} 在同一個物件中出現了兩次；請只保留一個</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="26"/>
        <source>{field}: must be a number, got {type} {value!r}</source>
        <translation>{field}：必須是數字，這裡是 {type} {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="34"/>
        <source>{field}: must be a finite number, got {value!r}</source>
        <translation>{field}：必須是有限的數字，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="42"/>
        <source>{field}: must be greater than 0, got {value!r}</source>
        <translation>{field}：必須大於 0，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="49"/>
        <location filename="../../tfdesk/core/spec_json.py" line="137"/>
        <source>{field}: must be a whole number, got {type} {value!r}</source>
        <translation>{field}：必須是整數，這裡是 {type} {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="53"/>
        <source>{field}: must be between {low:,} and {high:,}, got {value:,}</source>
        <translation>{field}：必須在 {low:,} 到 {high:,} 之間，這裡是 {value:,}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_checks.py" line="61"/>
        <source>{field}: must be true or false, got {value!r}</source>
        <translation>{field}：必須是 true 或 false，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="97"/>
        <source>experiment</source>
        <translation>實驗</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="100"/>
        <source>{field}: must be an object with named fields, got {type}</source>
        <translation>{field}：必須是具有具名欄位的物件，這裡是 {type}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="105"/>
        <source>{field}: unknown keys {keys}; allowed: {allowed}</source>
        <translation>{field}：未知的鍵 {keys}；可以使用的鍵：{allowed}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="108"/>
        <source>{field}: unknown key {key!r}; allowed: {allowed}</source>
        <translation>{field}：未知的鍵 {key!r}；可以使用的鍵：{allowed}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="118"/>
        <source>{field}: must be a list of layers, got {type}</source>
        <translation>{field}：必須是由各層組成的清單，這裡是 {type}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="142"/>
        <source>{field}: must be text, got {type} {value!r}</source>
        <translation>{field}：必須是文字，這裡是 {type} {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec_json.py" line="147"/>
        <source>{field}: must be a whole number or null, got {value!r}</source>
        <translation>{field}：必須是整數或 null，這裡是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/strokes.py" line="33"/>
        <source>stroke {number}: expected a list of (x, y) points</source>
        <translation>第 {number} 筆：應該是由 (x, y) 點組成的清單</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/strokes.py" line="37"/>
        <source>stroke {number}: holds points that are not finite numbers</source>
        <translation>第 {number} 筆：含有不是有限數字的點</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/trainer.py" line="41"/>
        <source>The train split is empty; raise its fraction to evaluate on it.</source>
        <translation>訓練集是空的；請提高它的比例，才能用它來評估。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/trainer.py" line="42"/>
        <source>The val split is empty; raise its fraction to evaluate on it.</source>
        <translation>驗證集是空的；請提高它的比例，才能用它來評估。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/trainer.py" line="43"/>
        <source>The test split is empty; raise its fraction to evaluate on it.</source>
        <translation>測試集是空的；請提高它的比例，才能用它來評估。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/trainer.py" line="44"/>
        <source>The {split} split is empty; raise its fraction to evaluate on it.</source>
        <translation>{split} 資料集是空的；請提高它的比例，才能用它來評估。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="380"/>
        <source>{device} was chosen but TensorFlow sees no GPU; training runs on the CPU.</source>
        <translation>選了 {device}，但 TensorFlow 看不到任何 GPU；改在 CPU 上訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/devices.py" line="383"/>
        <source>{device} was chosen but TensorFlow sees only {count} GPU(s); training runs on the CPU.</source>
        <translation>選了 {device}，但 TensorFlow 只看到 {count} 個 GPU；改在 CPU 上訓練。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/trainer.py" line="355"/>
        <source>Training stopped: the loss became {loss} at epoch {epoch}, step {step}. The learning rate {lr:g} is probably too large; try {smaller_lr:g}, then reset the weights and start again.</source>
        <translation>訓練已停止：損失在第 {epoch} 個訓練週期的第 {step} 步變成了 {loss}。學習率 {lr:g} 可能太大了；試試 {smaller_lr:g}，然後重設權重再重新開始。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/session.py" line="245"/>
        <source>There is nothing to save yet: train the network first.</source>
        <translation>還沒有可以儲存的東西：請先訓練網路。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/worker_graphs.py" line="54"/>
        <source>Open a graph first (File ▸ Open graph).</source>
        <translation>請先開啟計算圖（檔案 ▸ 開啟計算圖）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/worker_graphs.py" line="66"/>
        <source>{input} and {output} need a known size to draw into (features and classes).</source>
        <translation>{input} 和 {output} 需要已知的大小（特徵數和類別數），才能用手寫數字測試。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/session.py" line="228"/>
        <source>Train the network first, then evaluate it.</source>
        <translation>請先訓練網路，再進行評估。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/worker_lessons.py" line="107"/>
        <source>There is no graph yet: press Start, or open one (File ▸ Open graph).</source>
        <translation>還沒有計算圖：請按「開始」，或開啟一個計算圖（檔案 ▸ 開啟計算圖）。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/callbacks/autosave.py" line="77"/>
        <source>Autosave failed: {reason}</source>
        <translation>自動儲存失敗：{reason}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/callbacks/divergence.py" line="39"/>
        <source>The loss is rising: {first:.3g} after the first epoch, {now:.3g} at epoch {epoch}. The learning rate {rate:g} is probably too large; try {smaller:g}.</source>
        <translation>損失在上升：第一個週期後是 {first:.3g}，第 {epoch} 週期是 {now:.3g}。學習率 {rate:g} 可能太大了；試試 {smaller:g}。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/callbacks/divergence.py" line="47"/>
        <source>After {epoch} epochs the network is still guessing ({accuracy:.0%} right, chance is {chance:.0%}). The learning rate {rate:g} is probably too large; try {smaller:g}, then reset the weights and start again.</source>
        <translation>訓練了 {epoch} 個週期，網路還在亂猜（答對 {accuracy:.0%}，隨機猜是 {chance:.0%}）。學習率 {rate:g} 可能太大了；試試 {smaller:g}，然後重設權重再開始。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/callbacks/early_stopping.py" line="43"/>
        <source>Stopped early at epoch {stopped}: the validation loss was lowest at epoch {best} ({loss:.4g}) and did not improve for {patience} epochs after it. The network has the weights of epoch {best} again.</source>
        <translation>在第 {stopped} 週期提早停止：驗證損失在第 {best} 週期最低（{loss:.4g}），之後 {patience} 個週期都沒有進步。網路已回到第 {best} 週期的權重。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/input_formats.py" line="34"/>
        <source>8×8 image</source>
        <translation>8×8 影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/input_formats.py" line="35"/>
        <source>8 × 8 values, 0–16 scaled to 0–1. Each square counts the ink in a 4 × 4 block of a 32 × 32 drawing.</source>
        <translation>8 × 8 個數值，由 0–16 縮放到 0–1。每一格代表 32 × 32 畫布中一個 4 × 4 區塊內的墨水量。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/input_formats.py" line="38"/>
        <source>28×28 image</source>
        <translation>28×28 影像</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/input_formats.py" line="39"/>
        <source>28 × 28 values, grey levels 0–1. The digit is scaled to fit 20 × 20 and centred by its centre of mass.</source>
        <translation>28 × 28 個數值，灰階 0–1。數字會縮放到 20 × 20 以內，並依質心置中。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/layer_shapes.py" line="65"/>
        <source>{layer} (dense): its input is {shape} feature maps; put a flatten layer before it</source>
        <translation>{layer}（全連接）：它的輸入是 {shape} 的特徵圖；請在它前面加一個攤平層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/layer_shapes.py" line="73"/>
        <source>{layer} ({kind}): it needs an image, but its input is a row of {values:,} values; convolution and pooling go before any flatten or dense layer, on 8×8 or 28×28 images</source>
        <translation>{layer}（{kind}）：它需要圖片，但它的輸入是一列 {values:,} 個數值；卷積和池化要放在任何攤平層或全連接層之前，用在 8×8 或 28×28 的圖片上</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/layer_shapes.py" line="83"/>
        <source>{layer} ({kind}): its {kernel}×{kernel} window does not fit in its {shape} input; use a smaller window or padding &quot;same&quot;</source>
        <translation>{layer}（{kind}）：它的 {kernel}×{kernel} 視窗放不進 {shape} 的輸入；請用較小的視窗，或把填補設為「相同」（same）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/layer_shapes.py" line="119"/>
        <source>the output layer: its input is {shape} feature maps; end the hidden layers with a flatten layer</source>
        <translation>輸出層：它的輸入是 {shape} 的特徵圖；請在隱藏層的最後加一個攤平層</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/remote.py" line="71"/>
        <source>The server at {address} stopped answering ({reason}). The weights of the last finished epoch are kept on this computer: save them, and press Start again once the server is back.</source>
        <translation>{address} 的伺服器沒有回應了（{reason}）。最後完成的訓練週期的權重保留在這台電腦上：請儲存它們，等伺服器恢復後再按「開始」。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/remote.py" line="82"/>
        <source>The server at {address} no longer holds this network: it freed it after this computer&apos;s connection was lost for a while. The weights of the last finished epoch are kept on this computer; press Start to go on from them.</source>
        <translation>{address} 的伺服器上已經沒有這個網路了：這台電腦的連線中斷了一段時間，伺服器便把它釋放了。最後完成的訓練週期的權重保留在這台電腦上；按「開始」就能從那裡繼續。</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/remote.py" line="96"/>
        <source>{address!r} is not a server address; type it as grpc://host:port, for example grpc://127.0.0.1:2222</source>
        <translation>{address!r} 不是伺服器位址；請輸入 grpc://主機:連接埠，例如 grpc://127.0.0.1:2222</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/remote.py" line="112"/>
        <source>No TensorFlow server answers at {address} ({reason}). Is tfdesk-server running there, and the address and port right?</source>
        <translation>{address} 沒有 TensorFlow 伺服器回應（{reason}）。那裡有執行 tfdesk-server 嗎？位址和連接埠正確嗎？</translation>
    </message>
</context>
<context>
    <name>spec</name>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="42"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="44"/>
        <source>Momentum</source>
        <translation>動量</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="49"/>
        <source>Full batch</source>
        <translation>全批次</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="50"/>
        <source>Stochastic (batch of 1)</source>
        <translation>隨機（每批 1 筆）</translation>
    </message>
    <message>
        <location filename="../../tfdesk/core/spec.py" line="51"/>
        <source>Mini-batch</source>
        <translation>小批次 (mini-batch)</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../tfdesk/gui/words.py" line="30"/>
        <source>mini-batch {0}</source>
        <translation>小批次 {0}</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/words.py" line="32"/>
        <source>full batch</source>
        <translation>全批次</translation>
    </message>
    <message>
        <location filename="../../tfdesk/gui/words.py" line="33"/>
        <source>stochastic</source>
        <translation>隨機</translation>
    </message>
</context>
</TS>
