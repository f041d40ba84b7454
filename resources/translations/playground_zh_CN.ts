<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccuracyPlot</name>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="381"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="381"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="389"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="390"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="391"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
</context>
<context>
    <name>BackpropLabWidget</name>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="320"/>
        <source>Example and cost</source>
        <translation>样本与代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="329"/>
        <source>Input x{0} = a¹{0} of the training example.</source>
        <translation>训练样本的输入 x{0} = a¹{0}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="337"/>
        <source>The desired output y for this example.</source>
        <translation>该样本的期望输出 y。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="339"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="345"/>
        <source>Quadratic: δᴸ = (aᴸ − y) ⊙ σ′(zᴸ). Cross-entropy: δᴸ = aᴸ − y, with no σ′(zᴸ) factor, so a saturated output neuron does not learn slowly.</source>
        <translation>二次代价：δᴸ = (aᴸ − y) ⊙ σ′(zᴸ)。交叉熵：δᴸ = aᴸ − y，没有 σ′(zᴸ) 这一因子，所以饱和的输出神经元不会学得很慢。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="351"/>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="357"/>
        <source>Learning rate η for Apply update.</source>
        <translation>“应用更新”所用的学习率 η。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="359"/>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="362"/>
        <source>Walk through</source>
        <translation>逐步演示</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="364"/>
        <source>Step forward ▶</source>
        <translation>前向一步 ▶</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="366"/>
        <source>Compute the next layer: a = σ(w a + b).</source>
        <translation>计算下一层：a = σ(w a + b)。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="368"/>
        <source>◀ Step backward</source>
        <translation>◀ 反向一步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="371"/>
        <source>Compute the next error δ, from the output layer back, and its gradients.</source>
        <translation>从输出层往回，计算下一层的误差 δ 及其梯度。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="374"/>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="377"/>
        <source>One gradient step: w → w − η ∂C/∂w and b → b − η ∂C/∂b.</source>
        <translation>走一步梯度下降：w → w − η ∂C/∂w，b → b − η ∂C/∂b。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="380"/>
        <source>Saturate output</source>
        <translation>使输出饱和</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="383"/>
        <source>Make both output neurons output almost 1 with target (1, 0): output 2 is badly wrong and saturated. Compare δᴸ under the two costs.</source>
        <translation>让两个输出神经元都输出接近 1，而目标是 (1, 0)：输出 2 错得离谱且已饱和。比较两种代价下的 δᴸ。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="389"/>
        <source>New weights</source>
        <translation>新权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="391"/>
        <source>Start again from the seed&apos;s random weights.</source>
        <translation>从种子生成的随机权重重新开始。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="400"/>
        <source>C before each update</source>
        <translation>每次更新前的 C</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="400"/>
        <source>update</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="428"/>
        <source>Update {n} applied with η = {eta}: every w → w − η ∂C/∂w and b → b − η ∂C/∂b. C was {c} before it; step forward to see the new C.</source>
        <translation>已用 η = {eta} 完成第 {n} 次更新：每个 w → w − η ∂C/∂w，b → b − η ∂C/∂b。更新前 C 为 {c}；前向一步即可看到新的 C。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="440"/>
        <source>The output layer is now saturated: both outputs are near 1, and y = (1, 0). Run the passes with each cost and compare δ of output neuron 2.</source>
        <translation>输出层现在已饱和：两个输出都接近 1，而 y = (1, 0)。分别用两种代价走一遍前向和反向计算，比较输出神经元 2 的 δ。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="456"/>
        <source>The example changed: the pass starts again.</source>
        <translation>样本已更改：重新从头计算。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="462"/>
        <source>The cost changed (the weights did not): the pass starts again.</source>
        <translation>代价函数已更改（权重未变）：重新从头计算。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="493"/>
        <source>&lt;b&gt;Start.&lt;/b&gt; Layer 1 is the input: a¹ = x = {x}. Every weight w&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;jk&lt;/sub&gt; (from neuron k in layer l−1 to neuron j in layer l) and every bias b&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt; is shown; z, a and δ are still unknown (?). Press &lt;b&gt;Step forward&lt;/b&gt;.</source>
        <translation>&lt;b&gt;开始。&lt;/b&gt;第 1 层是输入：a¹ = x = {x}。图中标出了每个权重 w&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;jk&lt;/sub&gt;（从第 l−1 层的神经元 k 到第 l 层的神经元 j）和每个偏置 b&lt;sup&gt;l&lt;/sup&gt;&lt;sub&gt;j&lt;/sub&gt;；z、a 和 δ 还未知（?）。请按&lt;b&gt;前向一步&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="502"/>
        <source>&lt;b&gt;Forward, layer 2:&lt;/b&gt; z² = w² a¹ + b², a² = σ(z²). For neuron 1: z²₁ = {terms} + ({b}) = {z}, a²₁ = σ({z}) = {a}. All of layer 2: a² = {avec}. Press &lt;b&gt;Step forward&lt;/b&gt; again.</source>
        <translation>&lt;b&gt;前向，第 2 层：&lt;/b&gt;z² = w² a¹ + b²，a² = σ(z²)。对神经元 1：z²₁ = {terms} + ({b}) = {z}，a²₁ = σ({z}) = {a}。第 2 层整体：a² = {avec}。再按一次&lt;b&gt;前向一步&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="515"/>
        <source>C = ½‖a³ − y‖²</source>
        <translation>C = ½‖a³ − y‖²</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="517"/>
        <source>C = −Σⱼ [yⱼ ln a³ⱼ + (1 − yⱼ) ln(1 − a³ⱼ)]</source>
        <translation>C = −Σⱼ [yⱼ ln a³ⱼ + (1 − yⱼ) ln(1 − a³ⱼ)]</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="518"/>
        <source>&lt;b&gt;Forward, layer 3 = L:&lt;/b&gt; z³ = w³ a² + b³ = {z}, a³ = σ(z³) = {a}. The output is compared with y = {y}: {formula} = &lt;b&gt;{c}&lt;/b&gt;. Now press &lt;b&gt;Step backward&lt;/b&gt; to find how C changes with every weight.</source>
        <translation>&lt;b&gt;前向，第 3 层 = L：&lt;/b&gt;z³ = w³ a² + b³ = {z}，a³ = σ(z³) = {a}。将输出与 y = {y} 比较：{formula} = &lt;b&gt;{c}&lt;/b&gt;。现在按&lt;b&gt;反向一步&lt;/b&gt;，求出 C 随每个权重如何变化。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="532"/>
        <source>&lt;b&gt;Backward, BP1:&lt;/b&gt; δ³ = (a³ − y) ⊙ σ′(z³) = {amy} ⊙ {sp} = &lt;b&gt;{d}&lt;/b&gt;. Note the factor σ′(z³): where an output neuron is saturated it is tiny, so δ is tiny and that neuron learns slowly, however wrong it is.</source>
        <translation>&lt;b&gt;反向，BP1：&lt;/b&gt;δ³ = (a³ − y) ⊙ σ′(z³) = {amy} ⊙ {sp} = &lt;b&gt;{d}&lt;/b&gt;。注意因子 σ′(z³)：输出神经元饱和时它非常小，于是 δ 也非常小，无论输出错得多厉害，这个神经元都学得很慢。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="542"/>
        <source>&lt;b&gt;Backward, BP1 with cross-entropy:&lt;/b&gt; δ³ = a³ − y = &lt;b&gt;{d}&lt;/b&gt;. The factor σ′(z³) = {sp} cancels out of this cost, so a saturated, wrong neuron still gets a large error and learns fast.</source>
        <translation>&lt;b&gt;反向，交叉熵下的 BP1：&lt;/b&gt;δ³ = a³ − y = &lt;b&gt;{d}&lt;/b&gt;。在这个代价函数里，因子 σ′(z³) = {sp} 被约掉了，所以饱和且出错的神经元仍会得到很大的误差，学得很快。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="547"/>
        <source> Then BP3: ∂C/∂b³ⱼ = δ³ⱼ and BP4: ∂C/∂w³ⱼₖ = a²ₖ δ³ⱼ (orange, on the edges). Check: the book&apos;s formula gives {book}; the engine&apos;s gradients give {engine}.</source>
        <translation>接着由 BP3 得 ∂C/∂b³ⱼ = δ³ⱼ，由 BP4 得 ∂C/∂w³ⱼₖ = a²ₖ δ³ⱼ（橙色，标在连线上）。核对：书中公式得 {book}；引擎算出的梯度为 {engine}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="553"/>
        <source>&lt;b&gt;Backward, BP2:&lt;/b&gt; δ² = ((w³)ᵀ δ³) ⊙ σ′(z²) = {back} ⊙ {sp} = &lt;b&gt;{d}&lt;/b&gt;: the output errors are sent back along the same weights. BP3 and BP4 give ∂C/∂b²ⱼ = δ²ⱼ and ∂C/∂w²ⱼₖ = a¹ₖ δ²ⱼ. Check: book {book}, engine {engine}. Every gradient is known: press &lt;b&gt;Apply update&lt;/b&gt;.</source>
        <translation>&lt;b&gt;反向，BP2：&lt;/b&gt;δ² = ((w³)ᵀ δ³) ⊙ σ′(z²) = {back} ⊙ {sp} = &lt;b&gt;{d}&lt;/b&gt;：输出误差沿着同样的权重传回。由 BP3 和 BP4 得 ∂C/∂b²ⱼ = δ²ⱼ，∂C/∂w²ⱼₖ = a¹ₖ δ²ⱼ。核对：书中公式 {book}，引擎 {engine}。所有梯度都已求出：请按&lt;b&gt;应用更新&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>CanvasCommands</name>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="33"/>
        <source>Add {layer}</source>
        <translation>添加 {layer}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="62"/>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="88"/>
        <source>Move {name}</source>
        <translation>移动 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="119"/>
        <source>Move blocks</source>
        <translation>移动方块</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="141"/>
        <source>Edit {name}: {setting}</source>
        <translation>编辑 {name}：{setting}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="143"/>
        <source>Edit {what}</source>
        <translation>编辑 {what}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="180"/>
        <source>Set cost to {cost}</source>
        <translation>将代价函数设为 {cost}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="199"/>
        <source>Set the input to {shape}</source>
        <translation>将输入设为 {shape}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/commands.py" line="219"/>
        <source>Load network</source>
        <translation>载入网络</translation>
    </message>
</context>
<context>
    <name>CanvasTeaching</name>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="84"/>
        <source>{f} filters x ({c}x{k}x{k} weights + 1 bias) = {p:,} parameters</source>
        <translation>{f} 个滤波器 x（{c}x{k}x{k} 个权重 + 1 个偏置）= {p:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="90"/>
        <source>{u} neurons x ({n_in:,} weights + 1 bias) = {p:,} parameters</source>
        <translation>{u} 个神经元 x（{n_in:,} 个权重 + 1 个偏置）= {p:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="94"/>
        <source>pooling has no parameters: it only summarises each {s}x{s} window</source>
        <translation>池化层没有参数：它只是汇总每个 {s}x{s} 窗口</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="97"/>
        <source>an activation has no parameters: it applies a function to each value</source>
        <translation>激活层没有参数：它只是对每个值施加一个函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="116"/>
        <source>Shared weights: each of the {f} feature maps has one {c}x{k}x{k} kernel, used at every position, and 1 bias: {f} x {per} = {p:,} parameters for {n_out:,} outputs ({shape}) from {n_in:,} inputs.</source>
        <translation>共享权重：{f} 个特征图各有一个在每个位置共用的 {c}x{k}x{k} 卷积核和 1 个偏置：{f} x {per} = {p:,} 个参数，从 {n_in:,} 个输入得到 {n_out:,} 个输出（{shape}）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="50"/>
        <source>The book&apos;s comparison: a fully connected first layer of {h} hidden neurons on the same {n_in:,} inputs needs {n_in:,} x {h} + {h} = {book:,} parameters ({ratio:,.0f} times as many).</source>
        <translation>书中的对比：在同样 {n_in:,} 个输入上用 {h} 个隐藏神经元的全连接第一层，需要 {n_in:,} x {h} + {h} = {book:,} 个参数（是这个卷积层的 {ratio:,.0f} 倍）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="33"/>
        <source>A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs would need {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters, about as many as this convolution&apos;s {p:,}.</source>
        <translation>若用全连接层从这 {n_in:,} 个输入得到同样的 {n_out:,} 个输出，需要 {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} 个参数，与这个卷积层的 {p:,} 个差不多。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="38"/>
        <source>A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs would need only {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters: this convolution has {ratio:,.0f} times as many. Shared weights save parameters only when a kernel is small beside the input it slides over.</source>
        <translation>若用全连接层从这 {n_in:,} 个输入得到同样的 {n_out:,} 个输出，只需要 {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} 个参数：这个卷积层的参数是它的 {ratio:,.0f} 倍。只有当卷积核比它滑过的输入小得多时，共享权重才能节省参数。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="55"/>
        <source>The book&apos;s comparison: a fully connected first layer of {h} hidden neurons on the same {n_in:,} inputs needs {n_in:,} x {h} + {h} = {book:,} parameters, about as many as this convolution&apos;s {p:,}.</source>
        <translation>书中的对比：在同样 {n_in:,} 个输入上用 {h} 个隐藏神经元的全连接第一层，需要 {n_in:,} x {h} + {h} = {book:,} 个参数，与这个卷积层的 {p:,} 个差不多。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="60"/>
        <source>The book&apos;s comparison: a fully connected first layer of {h} hidden neurons on the same {n_in:,} inputs needs only {n_in:,} x {h} + {h} = {book:,} parameters: this convolution has {ratio:,.0f} times as many.</source>
        <translation>书中的对比：在同样 {n_in:,} 个输入上用 {h} 个隐藏神经元的全连接第一层，只需要 {n_in:,} x {h} + {h} = {book:,} 个参数：这个卷积层的参数是它的 {ratio:,.0f} 倍。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="156"/>
        <source>Groups: with groups={g} on {c} -&gt; {f} channels, each filter sees {cg} of the {c} input channels: {f}x{k}x{k}x{cg} = {grouped:,} weights versus {f}x{k}x{k}x{c} = {full:,} with groups=1 ({saved:,} fewer, {pct:.0f}% saved).</source>
        <translation>分组：{c} -&gt; {f} 个通道、groups={g} 时，每个滤波器只看 {c} 个输入通道中的 {cg} 个：{f}x{k}x{k}x{cg} = {grouped:,} 个权重，而 groups=1 时为 {f}x{k}x{k}x{c} = {full:,} 个（少 {saved:,} 个，节省 {pct:.0f}%）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/teaching.py" line="28"/>
        <source>A dense layer producing the same {n_out:,} outputs from those {n_in:,} inputs would need {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} parameters ({ratio:,.0f} times as many).</source>
        <translation>若用全连接层从这 {n_in:,} 个输入得到同样的 {n_out:,} 个输出，需要 {n_in:,} x {n_out:,} + {n_out:,} = {dense:,} 个参数（是这个卷积层的 {ratio:,.0f} 倍）。</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="57"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="58"/>
        <source>guess</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="59"/>
        <location filename="../../playground/ui/views/confusion.py" line="89"/>
        <source>Confusion matrix: after the first epoch</source>
        <translation>混淆矩阵：第一轮结束后显示</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="162"/>
        <source>Click to see these images.</source>
        <translation>点击查看这些图像。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="182"/>
        <source>1 image of {1} read correctly ({2:.1f}% of the {1}s)</source>
        <translation>1 张 {1} 被正确识别（占所有 {1} 的 {2:.1f}%）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="184"/>
        <source>1 image of {1} read as {3} ({2:.1f}% of the {1}s)</source>
        <translation>1 张 {1} 被识别为 {3}（占所有 {1} 的 {2:.1f}%）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="188"/>
        <source>{0} images of {1} read correctly ({2:.1f}% of the {1}s)</source>
        <translation>{0} 张 {1} 被正确识别（占所有 {1} 的 {2:.1f}%）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="190"/>
        <source>{0} images of {1} read as {3} ({2:.1f}% of the {1}s)</source>
        <translation>{0} 张 {1} 被识别为 {3}（占所有 {1} 的 {2:.1f}%）</translation>
    </message>
</context>
<context>
    <name>CostLab</name>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="54"/>
        <source>Quadratic cost</source>
        <translation>二次代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="54"/>
        <location filename="../../playground/ui/labs/cost_lab.py" line="58"/>
        <location filename="../../playground/ui/labs/cost_lab.py" line="63"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="56"/>
        <source>C = (a − y)² / 2 after each epoch.</source>
        <translation>每轮之后的 C = (a − y)² / 2。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="58"/>
        <source>Cross-entropy cost</source>
        <translation>交叉熵代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="60"/>
        <source>C = −[y ln a + (1 − y) ln(1 − a)] after each epoch.</source>
        <translation>每轮之后的 C = −[y ln a + (1 − y) ln(1 − a)]。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="63"/>
        <source>The neuron&apos;s output a (target 0), both runs</source>
        <translation>神经元的输出 a（目标为 0），两次运行</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="67"/>
        <source>Both runs on one scale: how fast each neuron&apos;s output falls towards 0.</source>
        <translation>两次运行画在同一坐标系中：看各神经元的输出降向 0 有多快。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="99"/>
        <source>One neuron, x = 1, target y = 0</source>
        <translation>一个神经元，x = 1，目标 y = 0</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="103"/>
        <source>The same sigmoid neuron is trained twice from the same start, once with each cost. Its output should fall from about 1 to 0.</source>
        <translation>同一个 S 型神经元从同一起点训练两次，每次用一种代价函数。它的输出应从约 1 降到 0。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="113"/>
        <source>saturated: w = 2, b = 2</source>
        <translation>饱和：w = 2，b = 2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="114"/>
        <source>comfortable: w = 0.6, b = 0.9</source>
        <translation>适中：w = 0.6，b = 0.9</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="115"/>
        <source>your own: the w and b below</source>
        <translation>自定义：使用下面的 w 和 b</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="117"/>
        <source>The book&apos;s two starting points. The saturated one shows the slowdown.</source>
        <translation>书中的两个起点。从饱和的起点出发会出现学习缓慢。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="120"/>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="122"/>
        <source>Starting weight w.</source>
        <translation>初始权重 w。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="124"/>
        <source>Starting bias b.</source>
        <translation>初始偏置 b。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="127"/>
        <source>Learning rate η, the same for both neurons. The book uses 0.15 for the quadratic cost and 0.005 for cross-entropy: its point is how the speed of learning changes as the neuron learns, not the speed itself.</source>
        <translation>学习率 η，两个神经元相同。书中二次代价用 0.15，交叉熵用 0.005：它要说明的是学习速度在学习过程中如何变化，而不是速度本身。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="138"/>
        <source>How many epochs (one gradient step each).</source>
        <translation>训练多少轮（每轮一步梯度下降）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="139"/>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="140"/>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="141"/>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="142"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="147"/>
        <source>Train both</source>
        <translation>同时训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="149"/>
        <source>Train both neurons and watch the epochs go by.</source>
        <translation>训练两个神经元，逐轮观察变化。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="151"/>
        <source>Show result</source>
        <translation>显示结果</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="153"/>
        <source>Jump straight to the last epoch.</source>
        <translation>直接跳到最后一轮。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="210"/>
        <source>At the start z = w + b = {z}, a = σ(z) = {a} and σ′(z) = {sp}. Quadratic cost&apos;s gradient is (a − y) σ′(z); cross-entropy&apos;s is just (a − y).</source>
        <translation>起始时 z = w + b = {z}，a = σ(z) = {a}，σ′(z) = {sp}。二次代价的梯度是 (a − y) σ′(z)；交叉熵的梯度只是 (a − y)。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="250"/>
        <source>Epoch {n}: &lt;span style=&apos;color:{qc}&apos;&gt;quadratic a = {qa}, C = {qcost}&lt;/span&gt;; &lt;span style=&apos;color:{cc}&apos;&gt;cross-entropy a = {ca}, C = {ccost}&lt;/span&gt;.</source>
        <translation>第 {n} 轮：&lt;span style=&apos;color:{qc}&apos;&gt;二次代价 a = {qa}，C = {qcost}&lt;/span&gt;；&lt;span style=&apos;color:{cc}&apos;&gt;交叉熵 a = {ca}，C = {ccost}&lt;/span&gt;。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="265"/>
        <source>In the first {k} epochs the quadratic neuron&apos;s output fell by {dq}, the cross-entropy neuron&apos;s by {dc}.</source>
        <translation>前 {k} 轮中，二次代价神经元的输出下降了 {dq}，交叉熵神经元的输出下降了 {dc}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/cost_lab.py" line="275"/>
        <source>The quadratic neuron starts saturated (σ′(z) small), so its gradient is small and it learns slowly exactly when it is most wrong: the learning slowdown. Cross-entropy&apos;s gradient has no σ′(z) factor, so the worse the output, the faster it learns.</source>
        <translation>二次代价的神经元一开始就饱和（σ′(z) 很小），所以梯度很小，恰恰在错得最厉害时学得最慢：这就是学习缓慢问题。交叉熵的梯度没有 σ′(z) 因子，所以输出越糟，学得越快。</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="220"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="220"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="223"/>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="223"/>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="223"/>
        <source>epoch mean</source>
        <translation>每轮均值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="257"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
</context>
<context>
    <name>DatasetBrowser</name>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="166"/>
        <source>Loading the built-in MNIST…</source>
        <translation>正在载入内置的 MNIST…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="172"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="173"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="174"/>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="177"/>
        <source>Which part of the dataset to browse</source>
        <translation>要浏览数据集的哪一部分</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="181"/>
        <location filename="../../playground/ui/dataset_browser.py" line="187"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="184"/>
        <location filename="../../playground/ui/dataset_browser.py" line="188"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="194"/>
        <location filename="../../playground/ui/dataset_browser.py" line="195"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="215"/>
        <source>Click an image to let the network read it</source>
        <translation>点击图像，让网络识别它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="216"/>
        <source>Dataset images</source>
        <translation>数据集图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="265"/>
        <source>{0}: {1} training, {2} validation, {3} test images of {4}</source>
        <translation>{0}：{4} 的图像，训练集 {1} 张、验证集 {2} 张、测试集 {3} 张</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="351"/>
        <source>of {0}</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="377"/>
        <source>test image #{0}</source>
        <translation>测试集图像 #{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="378"/>
        <source>validation image #{0}</source>
        <translation>验证集图像 #{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="379"/>
        <source>training image #{0}</source>
        <translation>训练集图像 #{0}</translation>
    </message>
</context>
<context>
    <name>DenseWeightsView</name>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="438"/>
        <location filename="../../playground/ui/views/inside.py" line="446"/>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="446"/>
        <source>This network has no dense layer.</source>
        <translation>这个网络没有全连接层。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="468"/>
        <source>{0}: {1} units, each {2}</source>
        <translation>{0}：{1} 个单元，每个显示为 {2}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="479"/>
        <source>{0}: first {3} of {1} units, each {2}</source>
        <translation>{0}：{1} 个单元中的前 {3} 个，每个显示为 {2}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="485"/>
        <source>a {0}×{1} image</source>
        <translation>一张 {0}×{1} 的图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="487"/>
        <source>{0} maps of {1}×{2}</source>
        <translation>{0} 个 {1}×{2} 特征图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="496"/>
        <source>{0}, unit {1}: weights {2:+.3f} … {3:+.3f}</source>
        <translation>{0}，单元 {1}：权重 {2:+.3f} … {3:+.3f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="502"/>
        <source>a row of {0} inputs</source>
        <translation>一行 {0} 个输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="506"/>
        <source>{0}, unit {1}, input {2}: {3:+.3f}</source>
        <translation>{0}，单元 {1}，输入 {2}：{3:+.3f}</translation>
    </message>
</context>
<context>
    <name>DescentLab</name>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="102"/>
        <source>Cost C after each step</source>
        <translation>每步之后的代价 C</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="102"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="104"/>
        <source>C should fall every step; if it rises, η is too large.</source>
        <translation>C 应该每步都下降；如果上升，说明 η 太大。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="123"/>
        <source>Cost surface C(v1, v2): click to place the ball</source>
        <translation>代价曲面 C(v1, v2)：点击放置小球</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="126"/>
        <source>Dark is low cost, bright is high. Click anywhere to put the ball there. Orange arrow: direction of ∇C (uphill). Pink arrow: the step Δv = −η∇C.</source>
        <translation>暗处代价低，亮处代价高。点击任意位置即可把小球放到那里。橙色箭头：∇C 的方向（上坡）。粉色箭头：这一步 Δv = −η∇C。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="161"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="167"/>
        <source>Bowl</source>
        <translation>碗形</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="168"/>
        <source>Long narrow valley</source>
        <translation>狭长山谷</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="169"/>
        <source>Two minima</source>
        <translation>两个极小值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="174"/>
        <source>Bowl: the easy case. Valley: steep across, nearly flat along, so one η is too big one way and too small the other. Two minima: where you end up depends on where you start.</source>
        <translation>碗形：简单的情形。狭长山谷：横向陡峭、纵向几乎平坦，所以同一个 η 对一个方向太大，对另一个方向又太小。两个极小值：最终停在哪里取决于从哪里出发。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="183"/>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="190"/>
        <source>Learning rate η: the step is Δv = −η∇C. Too small crawls; too large overshoots the minimum or diverges.</source>
        <translation>学习率 η：每一步为 Δv = −η∇C。太小则爬得很慢；太大则会越过极小值，甚至发散。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="196"/>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="200"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="202"/>
        <source>Take one step Δv = −η∇C.</source>
        <translation>走一步 Δv = −η∇C。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="204"/>
        <location filename="../../playground/ui/labs/descent_lab.py" line="302"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="208"/>
        <source>Keep stepping until the ball settles, runs away, or {n} steps pass.</source>
        <translation>一直走下去，直到小球停稳、跑飞，或走满 {n} 步。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="213"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="215"/>
        <source>Put the ball back at the start and clear the path.</source>
        <translation>把小球放回起点并清除轨迹。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="329"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="402"/>
        <source>Step {n}: v = ({v1}, {v2}) has run far off the map.</source>
        <translation>第 {n} 步：v = ({v1}, {v2}) 已经跑出地图很远了。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="410"/>
        <source> &amp;nbsp;(zero: no direction, so no arrow)</source>
        <translation> &amp;nbsp;（为零：没有方向，所以不画箭头）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="415"/>
        <source>Step {n}</source>
        <translation>第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="460"/>
        <source>Zig-zagging: η = {eta} is more than half the largest rate that settles in this minimum ({limit}), so each step lands past the valley floor. C still falls; above {limit} the jumps would grow instead.</source>
        <translation>之字形前进：η = {eta} 超过了在这个极小值处能够收敛的最大学习率（{limit}）的一半，所以每一步都落到谷底的另一侧。C 仍在下降；超过 {limit} 时跳动反而会越来越大。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="465"/>
        <source>Bouncing: the ball jumps from side to side and C no longer falls. η = {eta} is too large for the curvature here: below {limit} the jumps shrink and the ball settles.</source>
        <translation>来回弹跳：小球在两侧之间跳来跳去，C 不再下降。对这里的曲率来说，η = {eta} 太大了：低于 {limit} 时跳动会变小，小球会停下来。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="412"/>
        <source> &amp;nbsp;(arrow shows its direction)</source>
        <translation> &amp;nbsp;（箭头表示其方向）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="422"/>
        <source> &amp;nbsp;(arrow to scale)</source>
        <translation> &amp;nbsp;（箭头按比例绘制）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="429"/>
        <source>At a minimum after {n} steps: ∇C is zero (to the precision shown), so the step Δv = −η∇C is zero too and gradient descent stops here.</source>
        <translation>{n} 步后到达极小值：∇C 为零（在所显示的精度内），所以这一步 Δv = −η∇C 也为零，梯度下降就停在这里。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="441"/>
        <source>Stopped after {n} steps on a flat point that is not a minimum (a saddle: C rises one way and falls another). ∇C is zero (to the precision shown), so gradient descent cannot tell which way is down. Click just beside the ball to nudge it off.</source>
        <translation>{n} 步后停在一个平坦点上，但它不是极小值（而是鞍点：C 沿一个方向上升，沿另一个方向下降）。∇C 为零（在所显示的精度内），所以梯度下降分辨不出哪边是下坡。在小球旁边点一下，把它推离这里。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="450"/>
        <source>Ready. Press Step or Run, or click the map to move the ball.</source>
        <translation>就绪。按“单步”或“运行”，或点击地图移动小球。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="451"/>
        <source>Descending: C falls with each step.</source>
        <translation>正在下降：C 每步都在减小。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="452"/>
        <source>Crawling: η = {eta} is so small that each step barely moves the ball, though the slope is clear. Raise η.</source>
        <translation>爬得太慢：η = {eta} 太小，尽管坡度很明显，每一步却几乎没让小球移动。请增大 η。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="456"/>
        <source>Overshooting: the last step went past the valley floor and C rose. η = {eta} is too large for this curvature.</source>
        <translation>冲过头了：上一步越过了谷底，C 反而上升。对这里的曲率来说，η = {eta} 太大了。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="470"/>
        <source>Diverged after {n} steps: η = {eta} is too large. Every step overshoots further than the last, so C explodes. Lower η below {limit} and reset.</source>
        <translation>{n} 步后发散：η = {eta} 太大。每一步都比上一步越得更远，C 急剧增大。请把 η 降到 {limit} 以下，然后重置。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/descent_lab.py" line="434"/>
        <source>But this is the shallower minimum: gradient descent only feels the slope where the ball stands, so it cannot know a deeper valley lies beyond the ridge.</source>
        <translation>但这是较浅的那个极小值：梯度下降只能感知小球所在处的坡度，无从知道山脊另一边还有更深的山谷。</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <location filename="../../playground/ui/draw_pad.py" line="68"/>
        <source>stroke</source>
        <translation>笔画</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_pad.py" line="83"/>
        <source>clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_pad.py" line="136"/>
        <source>Draw a digit here; the network reads it as you write</source>
        <translation>在这里写一个数字；网络会边写边识别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_pad.py" line="137"/>
        <source>Drawing pad</source>
        <translation>手写板</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_pad.py" line="213"/>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="85"/>
        <source>The engine is warming up…</source>
        <translation>引擎正在预热…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="95"/>
        <source>What the network sees: your drawing cropped, scaled into 20x20 and centred by its centre of mass in 28x28 pixels, as MNIST was made</source>
        <translation>网络看到的图像：与 MNIST 的制作方式相同，你的笔迹被裁剪、缩放到 20x20，再按质心居中放入 28x28 像素</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="100"/>
        <location filename="../../playground/ui/draw_panel.py" line="101"/>
        <location filename="../../playground/ui/draw_panel.py" line="270"/>
        <source>Network input (28×28)</source>
        <translation>网络输入（28×28）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="109"/>
        <source>Brush width in pad pixels</source>
        <translation>画笔宽度（手写板像素）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="114"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="116"/>
        <source>Clear the pad (Delete)</source>
        <translation>清空手写板（Delete）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="118"/>
        <source>Undo stroke</source>
        <translation>撤销笔画</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="120"/>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>撤销最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="138"/>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="140"/>
        <source>Brush width</source>
        <translation>画笔宽度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="242"/>
        <source>Dataset image</source>
        <translation>数据集图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="246"/>
        <source>The network reads a dataset image now. Draw here to go back to your drawing.</source>
        <translation>网络现在识别的是一张数据集图像。在这里书写即可切回你自己的笔迹。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="268"/>
        <source>{0}, label {1}</source>
        <translation>{0}，标签 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="275"/>
        <source>Draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="277"/>
        <source>No model: open one (File ▸ Open model) or train one</source>
        <translation>没有模型：打开一个（文件 ▸ 打开模型）或训练一个</translation>
    </message>
    <message>
        <location filename="../../playground/ui/draw_panel.py" line="299"/>
        <source>{0} px</source>
        <translation>{0} 像素</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../engine_messages.py" line="3"/>
        <source>training images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="4"/>
        <source>training labels</source>
        <translation>训练标签</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="5"/>
        <source>test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="6"/>
        <source>test labels</source>
        <translation>测试标签</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="7"/>
        <source>{file}: images must be 3-D (count, height, width), got {ndim}-D shape {shape}; store one greyscale image per entry</source>
        <translation>{file}：图像必须是三维的（数量，高，宽），但得到的是 {ndim} 维，形状 {shape}；请每项存一张灰度图像</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="8"/>
        <source>{file}: holds no pixels (shape {shape})</source>
        <translation>{file}：不含任何像素（形状 {shape}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="9"/>
        <source>{file}: labels must be 1-D (one label per image), got {ndim}-D shape {shape}</source>
        <translation>{file}：标签必须是一维的（每张图像一个标签），但得到的是 {ndim} 维，形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="10"/>
        <source>{file}: labels must be integers (class numbers 0, 1, 2, ...), got {dtype}</source>
        <translation>{file}：标签必须是整数（类别编号 0, 1, 2, ...），但得到的是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="11"/>
        <source>{file}: label out of range: label {label} at index {index} is negative; classes are numbered 0, 1, 2, ...</source>
        <translation>{file}：标签超出范围：索引 {index} 处的标签 {label} 是负数；类别从 0, 1, 2, ... 编号</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="12"/>
        <source>{file}: lists {names} class names but the labels use {classes} classes; write one name per line, in label order</source>
        <translation>{file}：列出了 {names} 个类别名称，但标签用到了 {classes} 个类别；请按标签顺序每行写一个名称</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="13"/>
        <source>{name}: dataset folder not found ({folder})</source>
        <translation>{name}：找不到数据集文件夹（{folder}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="14"/>
        <source>{name}: validation must be &gt;= 0, got {validation}</source>
        <translation>{name}：验证集大小必须 &gt;= 0，当前为 {validation}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="15"/>
        <source>{test_file}: test images are {test_size} but training images ({train_file}) are {train_size}; both must have the same size</source>
        <translation>{test_file}：测试图像的尺寸是 {test_size}，但训练图像（{train_file}）是 {train_size}；两者必须相同</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="16"/>
        <source>{file}: label out of range: {label} (at most {largest} is accepted); is this really a label file?</source>
        <translation>{file}：标签超出范围：{label}（最大只接受 {largest}）；这真的是标签文件吗？</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="17"/>
        <source>{dataset}: image_shape must be (C, H, W), got {image_shape}</source>
        <translation>{dataset}：image_shape 必须是 (C, H, W)，当前为 {image_shape}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="18"/>
        <source>{dataset}: {names} class names for {classes} classes</source>
        <translation>{dataset}：{names} 个类别名称对应 {classes} 个类别</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="19"/>
        <source>{expected}(.gz): {role} file not found in {folder}; put the {role} there under a name like {expected} or {expected}.gz</source>
        <translation>{expected}(.gz)：在 {folder} 中找不到{role}文件；请把{role}文件放在那里，文件名类似 {expected} 或 {expected}.gz</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="20"/>
        <source>{files}: several files in {folder} look like the {role}; keep only one</source>
        <translation>{files}：{folder} 中有多个文件看起来像{role}文件；请只保留一个</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="21"/>
        <source>{file}: integer pixel values must lie in 0..255, found {lo}..{hi}; rescale the images to 0..255</source>
        <translation>{file}：整数像素值必须在 0..255 之间，实际为 {lo}..{hi}；请把图像缩放到 0..255</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="22"/>
        <source>{file}: float pixel values contain NaN or infinity</source>
        <translation>{file}：浮点像素值中含有 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="23"/>
        <source>{file}: float pixel values must lie in [0, 1], found [{lo:g}, {hi:g}]; rescale them or store the images as unsigned bytes 0..255</source>
        <translation>{file}：浮点像素值必须在 [0, 1] 之间，实际为 [{lo:g}, {hi:g}]；请缩放它们，或把图像存为 0..255 的无符号字节</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="24"/>
        <source>{file}: cannot be read as UTF-8 text ({exc})</source>
        <translation>{file}：无法按 UTF-8 文本读取（{exc}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="25"/>
        <source>{labels_file}: has {labels} labels but {images_file} has {images} images; each image needs exactly one label</source>
        <translation>{labels_file}：有 {labels} 个标签，但 {images_file} 有 {images} 张图像；每张图像恰好需要一个标签</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="26"/>
        <source>{dataset}: {split}_x must be float32 of shape (N, *{image_shape}), got {dtype} {shape}</source>
        <translation>{dataset}：{split}_x 必须是形状为 (N, *{image_shape}) 的 float32，当前为 {dtype} {shape}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="27"/>
        <source>{dataset}: {split}_y must be int64 of shape ({count},), got {dtype} {shape}</source>
        <translation>{dataset}：{split}_y 必须是形状为 ({count},) 的 int64，当前为 {dtype} {shape}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="28"/>
        <source>unsigned byte</source>
        <translation>无符号字节</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="29"/>
        <source>signed byte</source>
        <translation>有符号字节</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="30"/>
        <source>{shape} {kind}</source>
        <translation>{shape} 个{kind}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="31"/>
        <source>cannot store dtype {dtype} in an IDX file; convert the array to one of {names}</source>
        <translation>无法把数据类型 {dtype} 存入 IDX 文件；请把数组转换为 {names} 之一</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="32"/>
        <source>{file}: not a gzip file, although its name ends in .gz; decompress it properly or remove the .gz from its name if it is a raw IDX file</source>
        <translation>{file}：文件名以 .gz 结尾，却不是 gzip 文件；请正确解压，或者如果它是原始 IDX 文件，请去掉名称中的 .gz</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="33"/>
        <source>{file}: file is truncated: an IDX file starts with a 4-byte header, found {size} bytes</source>
        <translation>{file}：文件被截断：IDX 文件以 4 字节的文件头开始，但只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="34"/>
        <source>{file}: not an IDX file: it must start with two zero bytes, found 0x{first:02X} 0x{second:02X}</source>
        <translation>{file}：不是 IDX 文件：它必须以两个零字节开头，实际为 0x{first:02X} 0x{second:02X}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="35"/>
        <source>{file}: unknown IDX data type byte 0x{type_byte:02X}; known: {known}</source>
        <translation>{file}：未知的 IDX 数据类型字节 0x{type_byte:02X}；已知的有：{known}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="36"/>
        <source>{file}: the header declares 0 dimensions; an IDX array needs at least 1</source>
        <translation>{file}：文件头声明了 0 个维度；IDX 数组至少需要 1 个</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="37"/>
        <source>{file}: file is truncated: the header declares {ndim} dimensions ({header_size} header bytes), found only {size} bytes</source>
        <translation>{file}：文件被截断：文件头声明了 {ndim} 个维度（{header_size} 字节的文件头），但只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="38"/>
        <source>{file}: file is truncated: expected {expected} bytes of data ({what}), found {found}</source>
        <translation>{file}：文件被截断：数据应有 {expected} 字节（{what}），实际为 {found}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="39"/>
        <source>{file}: {extra} unexpected bytes after the data ({what} takes {expected} bytes); the header or the file is wrong</source>
        <translation>{file}：数据之后多出 {extra} 个字节（{what} 占 {expected} 字节）；文件头或文件有误</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="40"/>
        <source>{file}: an IDX file holds 1 to 255 dimensions, got {ndim}</source>
        <translation>{file}：IDX 文件可以有 1 到 255 个维度，当前为 {ndim}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="41"/>
        <source>{file}: dimension too large for IDX (max 2^32 - 1): {shape}</source>
        <translation>{file}：维度对 IDX 来说太大（最大 2^32 - 1）：{shape}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="42"/>
        <source>{file}: file not found in {folder}</source>
        <translation>{file}：在 {folder} 中找不到该文件</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="43"/>
        <source>{file}: is a folder, not an IDX file</source>
        <translation>{file}：是一个文件夹，不是 IDX 文件</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="44"/>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="45"/>
        <source>{file}: {exc}</source>
        <translation>{file}：{exc}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="46"/>
        <source>{file}: cannot write the file ({reason})</source>
        <translation>{file}：无法写入文件（{reason}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="47"/>
        <source>{file}: the compressed file is truncated (it ends before the gzip stream does); download or copy it again</source>
        <translation>{file}：压缩文件被截断（在 gzip 流结束之前就结束了）；请重新下载或复制</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="48"/>
        <source>{file}: the gzip data is corrupt ({exc}); download or copy it again</source>
        <translation>{file}：gzip 数据已损坏（{exc}）；请重新下载或复制</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="49"/>
        <source>{source}: parameters do not match the network (missing {missing}, unexpected {extra})</source>
        <translation>{source}：参数与网络不匹配（缺少 {missing}，多出 {extra}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="50"/>
        <source>input of shape {shape} does not fit the network&apos;s input {input_shape}</source>
        <translation>形状为 {shape} 的输入与网络的输入 {input_shape} 不符</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="51"/>
        <source>{images} images but {labels} labels</source>
        <translation>{images} 张图像，却有 {labels} 个标签</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="52"/>
        <source>labels must be integers; got {dtype}</source>
        <translation>标签必须是整数；当前为 {dtype}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="53"/>
        <source>labels must lie in 0..{largest} (the output layer has {classes} units); got {lo}..{hi}</source>
        <translation>标签必须在 0..{largest} 之间（输出层有 {classes} 个单元）；实际为 {lo}..{hi}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="54"/>
        <source>{file}: not a readable Playground model file (a model is a .npz archive, as Save model writes it, and this file is not one)</source>
        <translation>{file}：不是可读取的 Playground 模型文件（模型是“保存模型”写出的 .npz 压缩包，而这个文件不是）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="55"/>
        <source>{source}: parameter {key} has shape {shape} ({dtype}); the network needs {expected} floats</source>
        <translation>{source}：参数 {key} 的形状为 {shape}（{dtype}）；网络需要 {expected} 个浮点数</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="56"/>
        <source>{name}: a step (perceptron) neuron cannot be trained by gradient descent: a small change in a weight either changes nothing or flips the output, so its gradient is zero almost everywhere; use sigmoid, the smooth version of the perceptron</source>
        <translation>{name}：阶跃（感知器）神经元无法用梯度下降训练：权重的微小变化要么不改变任何输出，要么让输出翻转，所以它的梯度几乎处处为零；请改用 sigmoid，它是感知器的平滑版本</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="57"/>
        <source>{file}: cannot read the file ({reason})</source>
        <translation>{file}：无法读取文件（{reason}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="58"/>
        <source>{file}: not a readable Playground model file ({exc})</source>
        <translation>{file}：不是可读取的 Playground 模型文件（{exc}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="59"/>
        <source>{file}: the network stored in the file is invalid: {exc}</source>
        <translation>{file}：文件中保存的网络无效：{exc}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="60"/>
        <source>{file}: not a Playground model (no format marker)</source>
        <translation>{file}：不是 Playground 模型（没有格式标记）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="61"/>
        <source>{file}: unsupported model format {format!r}; expected {expected}</source>
        <translation>{file}：不支持的模型格式 {format!r}；应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="62"/>
        <source>{where}: {key} must be a whole number; got {value!r}</source>
        <translation>{where}：{key} 必须是整数；当前为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="63"/>
        <source>{where}: {key} must be at least 1; got {value}</source>
        <translation>{where}：{key} 必须至少为 1；当前为 {value}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="64"/>
        <source>{where}: padding must be 0 or more; got {value}</source>
        <translation>{where}：padding 必须大于或等于 0；当前为 {value}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="65"/>
        <source>a network spec must be a JSON object; got {kind}</source>
        <translation>网络规格必须是一个 JSON 对象；当前为 {kind}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="66"/>
        <source>unknown spec keys {keys}; expected input, layers, cost (and optionally training, name, description)</source>
        <translation>未知的规格键 {keys}；应为 input、layers、cost（以及可选的 training、name、description）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="67"/>
        <source>the spec has no &apos;input&apos;: give the input shape, e.g. [1, 28, 28]</source>
        <translation>规格中没有 &apos;input&apos;：请给出输入形状，例如 [1, 28, 28]</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="68"/>
        <source>input must be [channels, height, width] or [features]; got {shape!r}</source>
        <translation>input 必须是 [通道, 高, 宽] 或 [特征数]；当前为 {shape!r}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="69"/>
        <source>the spec has no layers: add at least one dense output layer</source>
        <translation>规格中没有任何层：请至少添加一个全连接输出层</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="70"/>
        <source>the spec has {n:,} layers; Playground takes at most {limit}</source>
        <translation>这个规格有 {n:,} 层；Playground 最多接受 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="71"/>
        <source>layer {number}</source>
        <translation>第 {number} 层</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="72"/>
        <source>unknown cost {cost!r}; use one of {choices}</source>
        <translation>未知的代价函数 {cost!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="73"/>
        <source>{name}: the last layer must be dense (one output per class); add a dense layer with one unit per class at the end</source>
        <translation>{name}：最后一层必须是全连接层（每个类别一个输出）；请在末尾添加一个全连接层，每个类别一个单元</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="74"/>
        <source>cost log-likelihood needs a softmax output, but the output is {output}; set the last layer&apos;s activation to softmax or choose another cost</source>
        <translation>对数似然代价需要 softmax 输出，但当前输出为 {output}；请把最后一层的激活函数设为 softmax，或选择其他代价函数</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="75"/>
        <source>cost cross-entropy needs outputs in (0, 1), but the output is {output}; use a sigmoid (or softmax) output layer or the quadratic cost</source>
        <translation>交叉熵代价需要 (0, 1) 之间的输出，但当前输出为 {output}；请使用 sigmoid（或 softmax）输出层，或使用二次代价</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="76"/>
        <source>unknown preset {name!r}; choose one of {choices}</source>
        <translation>未知的预设 {name!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="77"/>
        <source>{where}: a layer must be an object with a &apos;type&apos;; got {layer!r}</source>
        <translation>{where}：层必须是带有 &apos;type&apos; 的对象；当前为 {layer!r}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="78"/>
        <source>{where}: missing &apos;type&apos;; use one of {choices}</source>
        <translation>{where}：缺少 &apos;type&apos;；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="79"/>
        <source>{where}: unknown layer type {kind!r}; use one of {choices}</source>
        <translation>{where}：未知的层类型 {kind!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="80"/>
        <source>{where}: name must be text without dots; got {name!r}</source>
        <translation>{where}：名称必须是不含点号的文本；当前为 {name!r}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="81"/>
        <source>{name}: two layers are called {name!r}; give each a unique name</source>
        <translation>{name}：有两个层都叫 {name!r}；请给每一层起一个不同的名称</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="82"/>
        <source>{name}: unknown setting(s) {extra} for the {kind} layer; it takes {known}</source>
        <translation>{name}：{kind} 层不支持设置 {extra}；它接受的设置为 {known}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="83"/>
        <source>{name}: the {kind} layer cannot follow softmax ({softmax}); softmax turns outputs into class probabilities and belongs on the last layer only</source>
        <translation>{name}：{kind} 层不能放在 softmax（{softmax}）之后；softmax 把输出变成类别概率，只应放在最后一层</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="84"/>
        <source>{name}: its output {shape} holds {values:,} values per image, more than the {limit:,} Playground handles; use fewer filters or units, a larger stride, or pool first</source>
        <translation>{name}：它的输出 {shape} 每张图像有 {values:,} 个值，超过了 Playground 能处理的 {limit:,} 个；请减少滤波器或单元数、加大步幅，或先做池化</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="85"/>
        <source>{name}: the network has {total:,} weights and biases up to here, more than the {limit:,} Playground can train; use fewer units or filters</source>
        <translation>{name}：到这一层为止网络已有 {total:,} 个权重和偏置，超过了 Playground 能训练的 {limit:,} 个；请减少单元或滤波器数</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="86"/>
        <source>{name}: a {kind} layer needs images (channels x height x width) but gets {ndim}-D data {shape}; put it before any dense layer</source>
        <translation>{name}：{kind} 层需要图像（通道 x 高 x 宽），但收到的是 {ndim} 维数据 {shape}；请把它放在所有全连接层之前</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="87"/>
        <source>{name}: groups={groups} must divide in_channels={channels} and filters={filters}; choose groups from the common divisors of {channels} and {filters}</source>
        <translation>{name}：groups={groups} 必须同时整除输入通道数 in_channels={channels} 和滤波器数 filters={filters}；请从 {channels} 和 {filters} 的公约数中选择 groups</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="88"/>
        <source>{name}: kernel {k}x{k} is larger than its padded input {h}x{w}; use a kernel of at most {largest} or more padding</source>
        <translation>{name}：卷积核 {k}x{k} 大于填充后的输入 {h}x{w}；请使用不超过 {largest} 的卷积核，或增加填充</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="89"/>
        <source>{name}: softmax belongs on the output dense layer; use relu, sigmoid or tanh here</source>
        <translation>{name}：softmax 只应放在最后的全连接输出层；这里请使用 relu、sigmoid 或 tanh</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="90"/>
        <source>{name}: missing &apos;{key}&apos; for the {kind} layer</source>
        <translation>{name}：{kind} 层缺少 &apos;{key}&apos;</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="91"/>
        <source>{name}: unknown activation {value!r}; use one of {choices}</source>
        <translation>{name}：未知的激活函数 {value!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="92"/>
        <source>{name}: pooling window {size}x{size} is larger than its input {h}x{w}; use a size of at most {largest}</source>
        <translation>{name}：池化窗口 {size}x{size} 大于它的输入 {h}x{w}；请使用不超过 {largest} 的大小</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="93"/>
        <source>{name}: unknown pooling mode {value!r}; use max, l2 or avg</source>
        <translation>{name}：未知的池化方式 {value!r}；请使用 max、l2 或 avg</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="94"/>
        <source>{name}: softmax needs a flat vector of class scores; put it after the last dense layer</source>
        <translation>{name}：softmax 需要一个扁平的类别分数向量；请把它放在最后一个全连接层之后</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="95"/>
        <source>Training diverged: the cost became NaN or infinite. The likely cause is a learning rate too large for this network (lr = {lr:g}); the weights jump past the minimum and grow without bound. Try a rate about 10 times smaller. The weights were restored to the last finite values.</source>
        <translation>训练发散了：代价变成了 NaN 或无穷大。可能的原因是学习率对这个网络来说太大（η = {lr:g}）：权重越过极小值后无限增大。请试试约小 10 倍的学习率。权重已恢复为最后一组有限的值。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="96"/>
        <source>epochs and mini-batch size must be at least 1</source>
        <translation>训练轮数和小批量大小都至少为 1</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="97"/>
        <source>the learning rate must be a number above 0 (got {lr}); the book&apos;s networks use 0.03 to 3</source>
        <translation>学习率必须是大于 0 的数（当前为 {lr}）；书中网络用的学习率在 0.03 到 3 之间</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="98"/>
        <source>momentum must be at least 0 and below 1 (got {momentum})</source>
        <translation>动量必须不小于 0 且小于 1（当前为 {momentum}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="99"/>
        <source>L2 regularisation must be 0 or more (got {l2})</source>
        <translation>L2 正则化系数必须不小于 0（当前为 {l2}）</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="100"/>
        <source>a mini-batch of {batch} images needs about {need} of working memory for this network, more than the {budget} Playground allows itself on this computer; use a mini-batch of at most {most}</source>
        <translation>对这个网络，{batch} 张图像的小批量需要约 {need} 的工作内存，超过了 Playground 在这台电脑上允许自己使用的 {budget}；请把小批量设为不超过 {most}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="101"/>
        <source>the training set is empty</source>
        <translation>训练集是空的</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="102"/>
        <source>the dataset&apos;s images are {images} but the network expects {expected}</source>
        <translation>数据集的图像是 {images}，但网络需要 {expected}</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="103"/>
        <source>the dataset has {classes} classes but the output layer has only {units} units; set the last dense layer to {classes} units</source>
        <translation>数据集有 {classes} 个类别，但输出层只有 {units} 个单元；请把最后一个全连接层设为 {classes} 个单元</translation>
    </message>
</context>
<context>
    <name>EngineNames</name>
    <message>
        <location filename="../../playground/ui/names.py" line="43"/>
        <source>quadratic</source>
        <translation>二次代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/names.py" line="44"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../playground/ui/names.py" line="45"/>
        <source>log-likelihood (softmax)</source>
        <translation>对数似然（softmax）</translation>
    </message>
</context>
<context>
    <name>FeatureMapView</name>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="208"/>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="213"/>
        <source>This network has no convolutional layer, so no feature maps.</source>
        <translation>这个网络没有卷积层，所以没有特征图。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="241"/>
        <source>probe</source>
        <translation>观察图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="244"/>
        <source>{0}: 1 map of {2}×{3} ({4})</source>
        <translation>{0}：1 个 {2}×{3} 特征图（{4}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="246"/>
        <source>{0}: {1} maps of {2}×{3} ({4})</source>
        <translation>{0}：{1} 个 {2}×{3} 特征图（{4}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="256"/>
        <source>{0}, map {1}: activation {2:.3f} here</source>
        <translation>{0}，特征图 {1}：此处激活值 {2:.3f}</translation>
    </message>
</context>
<context>
    <name>HalfAdderView</name>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="523"/>
        <source>Half adder from NAND perceptrons</source>
        <translation>由与非感知器构成的半加器</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="526"/>
        <source>Five NAND perceptrons add two bits: x1 + x2 = sum + 2·carry. The engine runs them as a layered network of step units; wires that skip a layer pass through relay perceptrons (weight 2, bias −1) that copy a bit.</source>
        <translation>五个与非（NAND）感知器把两个比特相加：x1 + x2 = 和 + 2·进位。引擎把它们当作由阶跃单元组成的分层网络来运行；跨层的连线要经过中继感知器（权重 2，偏置 −1），由它原样传递一个比特。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="550"/>
        <source>Switch input bit x{0}.</source>
        <translation>切换输入位 x{0}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="562"/>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="622"/>
        <source>sum</source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="562"/>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="622"/>
        <source>carry</source>
        <translation>进位</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="567"/>
        <source>Every input pair through the engine&apos;s NAND network.</source>
        <translation>每一对输入经引擎的与非网络得到的结果。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="603"/>
        <source>The two −2 wires from n1 to the carry gate, merged.</source>
        <translation>从 n1 到进位门的两条 −2 连线，合并显示。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="613"/>
        <source>NAND perceptron {0}: weights −2, −2, bias 3</source>
        <translation>与非感知器 {0}：权重 −2、−2，偏置 3</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="615"/>
        <source>input bit {0}</source>
        <translation>输入位 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="645"/>
        <source>{x1} + {x2} = &lt;b&gt;sum {s}&lt;/b&gt;, &lt;b&gt;carry {c}&lt;/b&gt; (binary {c}{s})</source>
        <translation>{x1} + {x2} = &lt;b&gt;和 {s}&lt;/b&gt;，&lt;b&gt;进位 {c}&lt;/b&gt;（二进制 {c}{s}）</translation>
    </message>
</context>
<context>
    <name>KernelView</name>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="88"/>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="93"/>
        <source>This network has no convolutional layer, so no kernels.</source>
        <translation>这个网络没有卷积层，所以没有卷积核。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="128"/>
        <source>{0}: 1 filter {2}×{2}, 1 channel</source>
        <translation>{0}：1 个 {2}×{2} 滤波器，1 个通道</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="130"/>
        <source>{0}: {1} filters {2}×{2}, 1 channel</source>
        <translation>{0}：{1} 个 {2}×{2} 滤波器，1 个通道</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="150"/>
        <source>g{0}: ch {1}–{2}</source>
        <translation>组 {0}：通道 {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="154"/>
        <source>{0}: {1} filters × {2} channels, {3}×{3}, {4} groups</source>
        <translation>{0}：{1} 个滤波器 × {2} 个通道，{3}×{3}，{4} 组</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="160"/>
        <source>{0}: {1} filters × {2} channels, {3}×{3}</source>
        <translation>{0}：{1} 个滤波器 × {2} 个通道，{3}×{3}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="177"/>
        <source>{0}, filter {1}: weights {2:+.3f} … {3:+.3f}</source>
        <translation>{0}，滤波器 {1}：权重 {2:+.3f} … {3:+.3f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="190"/>
        <source>{0}, filter {1} (group {2}) does not see input channel {3}</source>
        <translation>{0}，滤波器 {1}（第 {2} 组）看不到输入通道 {3}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="194"/>
        <source>{0}, filter {1}, input channel {2}: weights {3:+.3f} … {4:+.3f}</source>
        <translation>{0}，滤波器 {1}，输入通道 {2}：权重 {3:+.3f} … {4:+.3f}</translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="91"/>
        <source>Ch. 1 · Neuron</source>
        <translation>第 1 章 · 神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="92"/>
        <source>Perceptron versus sigmoid neuron, NAND, half adder</source>
        <translation>感知器与 S 型神经元、与非门、半加器</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="94"/>
        <source>Ch. 1 · Gradient descent</source>
        <translation>第 1 章 · 梯度下降</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="94"/>
        <source>A ball rolling down a cost surface</source>
        <translation>小球沿代价曲面滚下</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="95"/>
        <source>Ch. 2 · Backpropagation</source>
        <translation>第 2 章 · 反向传播</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="95"/>
        <source>The four equations, number by number</source>
        <translation>四个基本方程，代入数字逐步演算</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="96"/>
        <source>Ch. 3 · Cost comparison</source>
        <translation>第 3 章 · 代价函数对比</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="96"/>
        <source>Quadratic versus cross-entropy cost</source>
        <translation>二次代价与交叉熵代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/panel.py" line="102"/>
        <source>Preparing the lab…</source>
        <translation>正在准备实验…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../playground/ui/i18n.py" line="193"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="179"/>
        <location filename="../../playground/ui/i18n.py" line="215"/>
        <location filename="../../playground/ui/i18n.py" line="226"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="181"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="182"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="216"/>
        <source>Playground could not save the language in its settings file ({path}): {language} cannot take effect at the next start. Is the folder read-only? PLAYGROUND_LANG=zh_CN chooses Chinese for one run.</source>
        <translation>Playground 无法把语言保存到它的设置文件（{path}）中：下次启动时{language}不会生效。该文件夹是只读的吗？用 PLAYGROUND_LANG=zh_CN 可以在单次运行中选择中文。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="227"/>
        <source>{language} takes effect the next time Playground starts.</source>
        <translation>界面语言（{language}）将在下次启动 Playground 时生效。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/i18n.py" line="233"/>
        <source>{language} takes effect when Playground restarts. Restart now?</source>
        <translation>界面语言（{language}）将在 Playground 重启后生效。现在重启吗？</translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="121"/>
        <source>The cost the network learns to reduce. log-likelihood needs a softmax output; cross-entropy needs sigmoid (or softmax) outputs; quadratic takes any.</source>
        <translation>网络通过学习来降低的代价函数。对数似然需要 softmax 输出；交叉熵需要 sigmoid（或 softmax）输出；二次代价对任何输出都适用。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="137"/>
        <location filename="../../playground/ui/canvas/inspector.py" line="199"/>
        <location filename="../../playground/ui/canvas/inspector.py" line="384"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="144"/>
        <source>Move this layer one place towards the input (Alt+Up)</source>
        <translation>把这一层往输入方向移一位（Alt+Up）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="149"/>
        <source>Move this layer one place towards the output (Alt+Down)</source>
        <translation>把这一层往输出方向移一位（Alt+Down）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="127"/>
        <source>Network cost</source>
        <translation>网络代价函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="152"/>
        <source>Remove this layer (Delete)</source>
        <translation>删除这一层（Delete）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="200"/>
        <source>Click a block to edit it.</source>
        <translation>点击一个方块即可编辑它。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="204"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="206"/>
        <source>One sample of the data: {shape} ({n:,} values). The MNIST digits are 1x28x28 grey images; the data decides this shape.</source>
        <translation>数据的一个样本：{shape}（{n:,} 个值）。MNIST 数字是 1x28x28 的灰度图像；这个形状由数据决定。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="49"/>
        <source>Filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="50"/>
        <source>Kernel</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="51"/>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="52"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="53"/>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="54"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="55"/>
        <source>Neurons</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="56"/>
        <source>Pooling</source>
        <translation>池化方式</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="57"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="278"/>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="278"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="278"/>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="282"/>
        <source>How many feature maps (filters) the layer makes</source>
        <translation>这一层生成多少个特征图（滤波器）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="283"/>
        <source>The side of each square filter, e.g. 5 for 5x5</source>
        <translation>每个正方形滤波器的边长，例如 5 表示 5x5</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="284"/>
        <source>How far the filter moves each step</source>
        <translation>滤波器每次移动的距离</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="285"/>
        <source>Zeros added around the input before filtering</source>
        <translation>卷积前在输入四周补零的圈数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="286"/>
        <source>Split the channels into groups; each filter sees only its group&apos;s channels. Must divide both the input channels and the filters.</source>
        <translation>把通道分成若干组；每个滤波器只看到本组的通道。必须能同时整除输入通道数和滤波器数。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="290"/>
        <source>The side of each square pooling window (its stride too)</source>
        <translation>每个正方形池化窗口的边长（也是其步幅）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="291"/>
        <source>How many neurons (outputs) the layer has</source>
        <translation>这一层有多少个神经元（输出）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="292"/>
        <source>max, L2 (root of the sum of squares) or average of each window</source>
        <translation>取每个窗口的最大值、L2（平方和的平方根）或平均值</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="293"/>
        <source>The function each neuron applies to its weighted input</source>
        <translation>每个神经元对其带权输入施加的函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="325"/>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="337"/>
        <source>{a} → {b}  ({params:,} parameters)</source>
        <translation>{a} → {b}（{params:,} 个参数）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="347"/>
        <source>{a} → ? (the engine refuses this layer)</source>
        <translation>{a} → ?（引擎不接受这一层）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="384"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="384"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/inspector.py" line="386"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="34"/>
        <source>σ(z) = 1 / (1 + e^-z): Nielsen&apos;s smooth neuron, outputs in (0, 1)</source>
        <translation>σ(z) = 1 / (1 + e^-z)：Nielsen 书中的平滑神经元，输出在 (0, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="35"/>
        <source>tanh(z): like sigmoid but centred on 0, outputs in (-1, 1)</source>
        <translation>tanh(z)：类似 sigmoid，但以 0 为中心，输出在 (-1, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="36"/>
        <source>max(0, z): rectified linear unit; trains deep nets faster (chapter 6)</source>
        <translation>max(0, z)：修正线性单元（ReLU）；训练深度网络更快（第 6 章）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="37"/>
        <source>z unchanged: no non-linearity</source>
        <translation>原样输出 z：没有非线性</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="38"/>
        <source>class probabilities that sum to 1; belongs after the last dense layer</source>
        <translation>各类别的概率，总和为 1；应放在最后一个全连接层之后</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="39"/>
        <source>the perceptron&apos;s 0/1 step: gradient descent cannot train through it (no slope)</source>
        <translation>感知器的 0/1 阶跃：梯度下降无法透过它训练（斜率为零）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="55"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="30"/>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="60"/>
        <source>Fully connected: every neuron sees every input. Default: 100 sigmoid neurons.</source>
        <translation>全连接：每个神经元都连接所有输入。默认：100 个 sigmoid 神经元。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="32"/>
        <source>Conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="66"/>
        <source>Convolution: small shared filters slide over the image, one feature map each. Default: 20 filters of 5x5, stride 1.</source>
        <translation>卷积：共享权重的小滤波器在图像上滑动，每个滤波器产生一个特征图。默认：20 个 5x5 滤波器，步幅 1。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="71"/>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="39"/>
        <source>Max pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="76"/>
        <source>Keeps the largest value of each 2x2 window: halves height and width.</source>
        <translation>保留每个 2x2 窗口中的最大值：高和宽减半。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="36"/>
        <source>L2 pool</source>
        <translation>L2 池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="82"/>
        <source>Square root of the sum of squares of each 2x2 window (chapter 6).</source>
        <translation>每个 2x2 窗口中各值平方和的平方根（第 6 章）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/labels.py" line="38"/>
        <source>Average pool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="88"/>
        <source>The mean of each 2x2 window.</source>
        <translation>每个 2x2 窗口的平均值。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="90"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="113"/>
        <source>Layer palette</source>
        <translation>层面板</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/palette.py" line="115"/>
        <source>Drag a layer onto the canvas (onto an arrow to insert it there), or double-click it to add it after the selected block.</source>
        <translation>把一个层拖到画布上（拖到箭头上即插入到该处），或双击它，添加到所选方块之后。</translation>
    </message>
</context>
<context>
    <name>LegendPlot</name>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="189"/>
        <source>Show everything</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/plots.py" line="190"/>
        <source>Copy as image</source>
        <translation>复制为图像</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/ui/main_window.py" line="248"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="251"/>
        <source>Load a trained network from a .npz file</source>
        <translation>从 .npz 文件载入训练好的网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="255"/>
        <source>&amp;Save model as…</source>
        <translation>模型另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="258"/>
        <source>Save the current network to a .npz file</source>
        <translation>把当前网络保存为 .npz 文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="263"/>
        <source>Open network &amp;architecture…</source>
        <translation>打开网络结构(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="265"/>
        <source>Put a network architecture (a JSON spec) on the canvas</source>
        <translation>把一个网络结构（JSON 规格）放到画布上</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="270"/>
        <source>Save network arc&amp;hitecture…</source>
        <translation>保存网络结构(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="272"/>
        <source>Save the canvas&apos;s network architecture as a JSON spec (no weights)</source>
        <translation>把画布上的网络结构保存为 JSON 规格（不含权重）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="279"/>
        <source>Open &amp;dataset folder…</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="283"/>
        <source>Load a folder holding the four IDX files of an MNIST-like dataset</source>
        <translation>载入一个文件夹，其中包含类 MNIST 数据集的四个 IDX 文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="287"/>
        <source>Use the built-in &amp;MNIST</source>
        <translation>使用内置的 MNIST(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="290"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="295"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="298"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="303"/>
        <source>&amp;Clear drawing</source>
        <translation>清除笔迹(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="308"/>
        <source>Empty the draw pad (undo brings it back)</source>
        <translation>清空手写板（撤销可恢复）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="311"/>
        <source>&amp;Pause training</source>
        <translation>暂停训练(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="316"/>
        <source>Pause or resume training (Space)</source>
        <translation>暂停或继续训练（空格键）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="323"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="325"/>
        <source>&amp;Compact layout</source>
        <translation>紧凑布局(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="327"/>
        <source>Draw, Network and Training as tabs, Dataset behind Views: each gets the window&apos;s whole width (a small window&apos;s layout)</source>
        <translation>手写板、网络和训练合为一组标签页，数据集放在视图后面：每个面板都能占满窗口宽度（适合小窗口的布局）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="334"/>
        <source>&amp;Maximize panel</source>
        <translation>最大化面板(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="338"/>
        <source>Give the whole window to the panel you are working in (again: bring the other panels back)</source>
        <translation>把整个窗口让给你正在使用的面板（再选一次：恢复其他面板）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="345"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="349"/>
        <source>&amp;About Playground</source>
        <translation>关于 Playground(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="355"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="364"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="368"/>
        <source>&amp;Export view as PNG</source>
        <translation>将视图导出为 PNG(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="374"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="380"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="396"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="399"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="400"/>
        <source>Follow the &amp;book</source>
        <translation>跟着书学(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="408"/>
        <source>Chapter {0} · {1}</source>
        <translation>第 {0} 章 · {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="425"/>
        <source>Perceptrons and sigmoid neurons</source>
        <translation>感知器与 S 型神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="428"/>
        <source>A perceptron and a sigmoid neuron side by side; NAND and a half adder</source>
        <translation>感知器与 S 型神经元并排对比；与非门和半加器</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="432"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="435"/>
        <source>A ball rolling down a cost surface, one step of the learning rate at a time</source>
        <translation>小球沿代价曲面滚下，每次按学习率走一步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="441"/>
        <source>A network that reads digits</source>
        <translation>识别数字的网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="444"/>
        <source>The book&apos;s [784, 30, 10] network on the canvas, ready to build and train</source>
        <translation>把书中的 [784, 30, 10] 网络放到画布上，随时可以构建和训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="448"/>
        <source>Backpropagation</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="451"/>
        <source>The four equations of backpropagation, number by number</source>
        <translation>反向传播的四个基本方程，代入数字逐步演算</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="455"/>
        <source>Quadratic versus cross-entropy cost</source>
        <translation>二次代价与交叉熵代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="458"/>
        <source>Why a saturated neuron learns slowly with the quadratic cost</source>
        <translation>为什么用二次代价时饱和的神经元学得慢</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="462"/>
        <source>Cross-entropy and L2 regularisation</source>
        <translation>交叉熵与 L2 正则化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="465"/>
        <source>A [784, 100, 10] network with the cross-entropy cost and L2, on the canvas</source>
        <translation>把使用交叉熵代价和 L2 的 [784, 100, 10] 网络放到画布上</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="471"/>
        <source>Convolution: local receptive fields, shared weights, pooling</source>
        <translation>卷积：局部感受野、共享权重、池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="474"/>
        <source>The book&apos;s first convolutional network on the canvas</source>
        <translation>把书中的第一个卷积网络放到画布上</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="478"/>
        <source>Two convolutional layers and rectified linear units</source>
        <translation>两个卷积层与修正线性单元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="488"/>
        <source>Grouped convolution (AlexNet; &quot;Deep Roots&quot;)</source>
        <translation>分组卷积（AlexNet；“Deep Roots”）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="491"/>
        <source>The second convolution split into 2 groups: half its weights</source>
        <translation>第二个卷积分成 2 组：权重减半</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="526"/>
        <source>{0} is on the canvas: Build network (Ctrl+B) makes it the current network, then Start training (F5)</source>
        <translation>已把 {0} 放到画布上：按“构建网络”（Ctrl+B）使它成为当前网络，再按“开始训练”（F5）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="533"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="555"/>
        <source>Draw</source>
        <translation>手写板</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="566"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="579"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="586"/>
        <source>Labs</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="595"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="600"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="680"/>
        <source>The canvas is narrow: View ▸ Compact layout gives it the window&apos;s width</source>
        <translation>画布太窄了：“视图 ▸ 紧凑布局”可以让它占满窗口宽度</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="863"/>
        <source>{0} fills the window: {1} brings the other panels back</source>
        <translation>{0}占满了窗口：按 {1} 恢复其他面板</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="915"/>
        <source>Built a new network with {0:,} parameters</source>
        <translation>已构建新网络，共 {0:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="925"/>
        <location filename="../../playground/ui/main_window.py" line="927"/>
        <source>build the new network</source>
        <translation>构建新网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="936"/>
        <source>Save the trained network?</source>
        <translation>保存训练过的网络吗？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="964"/>
        <source>Training diverged: the draw pad uses the last weights before the cost became infinite</source>
        <translation>训练发散了：手写板使用的是代价变为无穷大之前的最后一组权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1077"/>
        <source>A .json file holds a network architecture: open it with File ▸ Open network architecture…</source>
        <translation>.json 文件保存的是网络结构：请用“文件 ▸ 打开网络结构…”打开它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1241"/>
        <source>Engine: warming up… {0} s</source>
        <translation>引擎：正在预热… {0} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1247"/>
        <source>Compiling the engine&apos;s kernels: about half a minute on a first run, a second or two later (they are kept on disk)</source>
        <translation>正在编译引擎的内核：首次运行约需半分钟，以后只需一两秒（编译结果保存在磁盘上）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1314"/>
        <source>Undo (in the panel with the focus)</source>
        <translation>撤销（在有键盘焦点的面板中）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1315"/>
        <source>Redo (in the panel with the focus)</source>
        <translation>重做（在有键盘焦点的面板中）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1316"/>
        <source>Clear the drawing (on the draw pad)</source>
        <translation>清除笔迹（手写板）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1322"/>
        <source>Copy the selected epochs (Training&apos;s table)</source>
        <translation>复制所选的轮次（训练面板的表格）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1325"/>
        <source>Build the canvas&apos;s network (Network panel)</source>
        <translation>构建画布上的网络（网络面板）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1326"/>
        <source>Fit the network in view (Network panel)</source>
        <translation>缩放以显示整个网络（网络面板）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1327"/>
        <source>Remove the selected block (canvas)</source>
        <translation>删除所选方块（画布）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1330"/>
        <source>Select the previous or next block (canvas)</source>
        <translation>选择上一个或下一个方块（画布）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1334"/>
        <source>Move the selected block along the chain</source>
        <translation>沿网络链移动所选方块</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1342"/>
        <source>Zoom the canvas</source>
        <translation>缩放画布</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1345"/>
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1353"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1358"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1358"/>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1413"/>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1414"/>
        <source>Playground could not start itself again. Please start it yourself: the new language is saved and applies then.</source>
        <translation>Playground 无法自行重新启动。请手动启动它：新的语言已经保存，届时生效。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1626"/>
        <source>Restore the last session&apos;s canvas</source>
        <translation>恢复上次关闭时的画布</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1633"/>
        <source>Last session&apos;s canvas could not be shown: {0}</source>
        <translation>无法显示上次关闭时的画布：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1660"/>
        <location filename="../../playground/ui/main_window.py" line="1682"/>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="970"/>
        <source>Training ended: the draw pad now uses the trained network</source>
        <translation>训练结束：手写板现在使用训练好的网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="406"/>
        <source>Beyond the book · {0}</source>
        <translation>书外延伸 · {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="481"/>
        <source>The book&apos;s best network without expanded data or dropout (99.23%) on the canvas</source>
        <translation>把书中不用扩展数据和 dropout 时最好的网络（99.23%）放到画布上</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="937"/>
        <source>The current network has been trained since it was last saved. If you {0} without saving, that training is lost.</source>
        <translation>当前网络自上次保存以来又经过了训练。如果不保存就{0}，这些训练结果将会丢失。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="984"/>
        <source>The draw pad now reads with the network after epoch {0}</source>
        <translation>手写板现在使用第 {0} 轮之后的网络识别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="995"/>
        <source>dataset image</source>
        <translation>数据集图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1056"/>
        <source>The canvas cannot show this model: {0}</source>
        <translation>画布无法显示此模型：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1065"/>
        <location filename="../../playground/ui/main_window.py" line="1067"/>
        <source>open {0}</source>
        <translation>打开 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1082"/>
        <location filename="../../playground/ui/main_window.py" line="1113"/>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1075"/>
        <source>{0} could not be loaded:

{1}

The current model is kept.</source>
        <translation>无法载入 {0}：

{1}

当前模型保持不变。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1099"/>
        <source>Model: loading {0}…</source>
        <translation>模型：正在载入 {0}…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1114"/>
        <source>{0} could not be loaded:

{1}</source>
        <translation>无法载入 {0}：

{1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1121"/>
        <location filename="../../playground/ui/main_window.py" line="1448"/>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1121"/>
        <location filename="../../playground/ui/main_window.py" line="1448"/>
        <source>There is no model to save yet.</source>
        <translation>还没有可保存的模型。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1127"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1128"/>
        <source>{0} could not be written:

{1}</source>
        <translation>无法写入 {0}：

{1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1132"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1157"/>
        <source>Cannot open the dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1158"/>
        <source>{0} could not be loaded as a dataset:

{1}

A dataset folder holds four IDX files: training images and labels, test images and labels (as MNIST&apos;s train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz).</source>
        <translation>无法把 {0} 作为数据集载入：

{1}

数据集文件夹应包含四个 IDX 文件：训练图像和标签、测试图像和标签（如 MNIST 的 train-images-idx3-ubyte、train-labels-idx1-ubyte、t10k-images-idx3-ubyte、t10k-labels-idx1-ubyte，也可以是 .gz 压缩文件）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1177"/>
        <source>Loading the built-in MNIST…</source>
        <translation>正在载入内置的 MNIST…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1178"/>
        <source>Dataset: loading MNIST…</source>
        <translation>数据集：正在载入 MNIST…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1184"/>
        <source>The built-in MNIST could not be loaded: {0}</source>
        <translation>无法载入内置的 MNIST：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1217"/>
        <source>The engine failed to start: {0}</source>
        <translation>引擎启动失败：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1221"/>
        <source>The engine is warming up; your drawing is read once it is ready</source>
        <translation>引擎正在预热；准备好后就会识别你的笔迹</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1243"/>
        <source>Engine: warming up…</source>
        <translation>引擎：正在预热…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1253"/>
        <source>Engine: ready</source>
        <translation>引擎：就绪</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1254"/>
        <source>The engine&apos;s kernels are compiled</source>
        <translation>引擎的计算内核已编译完成</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1256"/>
        <source>Engine: failed</source>
        <translation>引擎：失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1337"/>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1377"/>
        <source>&lt;h3&gt;Playground {0}&lt;/h3&gt;&lt;p&gt;Draw a digit and watch a neural network read it; build networks, train them and look inside.&lt;/p&gt;&lt;p&gt;The handwritten digits are the &lt;b&gt;MNIST database&lt;/b&gt; by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, made from NIST&apos;s Special Databases 1 and 3.&lt;/p&gt;&lt;p&gt;The networks and their notation follow Michael Nielsen&apos;s &lt;i&gt;Neural Networks and Deep Learning&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Playground {0}&lt;/h3&gt;&lt;p&gt;手写一个数字，看神经网络如何识别它；搭建网络、训练网络，并观察网络内部。&lt;/p&gt;&lt;p&gt;手写数字来自 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 的 &lt;b&gt;MNIST 数据库&lt;/b&gt;，由 NIST 的 Special Databases 1 和 3 制作而成。&lt;/p&gt;&lt;p&gt;网络及其记号遵循 Michael Nielsen 的 &lt;i&gt;Neural Networks and Deep Learning&lt;/i&gt;（《神经网络与深度学习》）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1388"/>
        <source>About Playground</source>
        <translation>关于 Playground</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1428"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1430"/>
        <source>Playground models (*.npz);;All files (*)</source>
        <translation>Playground 模型 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1454"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1456"/>
        <source>Playground models (*.npz)</source>
        <translation>Playground 模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1465"/>
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1474"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1477"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1477"/>
        <source>{0} could not be written.</source>
        <translation>无法写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1488"/>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1502"/>
        <source>Export view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1504"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1534"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1637"/>
        <source>The canvas is as you left it; the canvas&apos;s Undo shows the model&apos;s network</source>
        <translation>画布保持你上次离开时的样子；在画布上撤销即可显示模型的网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1639"/>
        <source>The canvas is as you left it</source>
        <translation>画布保持你上次离开时的样子</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1643"/>
        <location filename="../../playground/ui/main_window.py" line="1646"/>
        <source>close Playground</source>
        <translation>关闭 Playground</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1657"/>
        <source>Model: none</source>
        <translation>模型：无</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1658"/>
        <source>Open a model (Ctrl+O) or train one</source>
        <translation>打开一个模型（Ctrl+O）或训练一个</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1661"/>
        <source>Model: {0}</source>
        <translation>模型：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1665"/>
        <source>Trained since it was last saved (Ctrl+S)</source>
        <translation>上次保存后又训练过（Ctrl+S 保存）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1667"/>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1672"/>
        <source>Dataset: none</source>
        <translation>数据集：无</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1675"/>
        <source>Dataset: {0}</source>
        <translation>数据集：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1680"/>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <location filename="../../playground/ui/main_window.py" line="1683"/>
        <source>Playground — {0}</source>
        <translation>Playground — {0}</translation>
    </message>
</context>
<context>
    <name>MistakesGallery</name>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="223"/>
        <source>Validation images the network got wrong, or those of the confusion-matrix cell you clicked: its guess, then the true label. Click one to make it the probe.</source>
        <translation>网络分错的验证集图像，或你点击的混淆矩阵格子中的图像：先是预测类别，后是真实标签。点击一张即可设为观察图像。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="251"/>
        <source>Validation image #{0}: the network read {1}, as its label says. Click to make it the probe.</source>
        <translation>验证集图像 #{0}：网络识别为 {1}，与标签一致。点击即可设为观察图像。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="256"/>
        <source>{0} (is {1})</source>
        <translation>{0}（实为 {1}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/confusion.py" line="257"/>
        <source>Validation image #{0}: the network read {1}, the label says {2}. Click to make it the probe.</source>
        <translation>验证集图像 #{0}：网络识别为 {1}，标签是 {2}。点击即可设为观察图像。</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../playground/ui/canvas/items.py" line="175"/>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="130"/>
        <source>layer 1: input</source>
        <translation>第 1 层：输入层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="131"/>
        <source>layer 2: hidden</source>
        <translation>第 2 层：隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="132"/>
        <source>layer 3 = L: output</source>
        <translation>第 3 层 = L：输出层</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/backprop_lab.py" line="147"/>
        <source>w{l}_{j}{k}: the weight from neuron {k} in layer {lp} to neuron {j} in layer {l}</source>
        <translation>w{l}_{j}{k}：从第 {lp} 层神经元 {k} 到第 {l} 层神经元 {j} 的权重</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="111"/>
        <source>Every weight and bias the network will learn, summed over the blocks</source>
        <translation>网络要学习的全部权重和偏置，各方块合计</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="185"/>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="189"/>
        <location filename="../../playground/ui/canvas/panel.py" line="202"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="203"/>
        <source>Start from one of the book&apos;s networks</source>
        <translation>从书中的某个网络开始</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="214"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="215"/>
        <source>Open a network architecture (JSON spec)</source>
        <translation>打开网络结构（JSON 规格）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="220"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="221"/>
        <source>Save this architecture as JSON (the engine&apos;s spec format)</source>
        <translation>把这个网络结构保存为 JSON（引擎的规格格式）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="234"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="235"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="244"/>
        <source>Tidy</source>
        <translation>整理</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="245"/>
        <source>Auto-layout: stack the blocks from input to output</source>
        <translation>自动布局：从输入到输出依次排列方块</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="250"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="255"/>
        <source>Build network</source>
        <translation>构建网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="251"/>
        <source>Zoom to show the whole network (Ctrl+0; Ctrl + wheel zooms)</source>
        <translation>缩放以显示整个网络（Ctrl+0；Ctrl + 滚轮缩放）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="210"/>
        <location filename="../../playground/ui/canvas/panel.py" line="228"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="229"/>
        <source>Open or save the architecture as JSON</source>
        <translation>以 JSON 打开或保存网络结构</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="257"/>
        <source>Turn the canvas into a fresh network with new random weights, ready to train (Ctrl+B)</source>
        <translation>用画布上的结构构建一个全新的网络（新的随机权重），可以立即训练（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="282"/>
        <source>Undo {what} (Ctrl+Z)</source>
        <translation>撤销“{what}”（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="284"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="287"/>
        <source>Redo {what} (Ctrl+Shift+Z)</source>
        <translation>重做“{what}”（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="289"/>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="315"/>
        <source>Load network</source>
        <translation>载入网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="329"/>
        <source>Load preset {name}</source>
        <translation>载入预设 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="333"/>
        <source>Loaded preset {name}</source>
        <translation>已载入预设 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="343"/>
        <source>Saved the architecture to {path}</source>
        <translation>已将网络结构保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="352"/>
        <source>Nothing to save: the canvas has no layers. Add at least a dense output layer.</source>
        <translation>没有可保存的内容：画布上没有层。请至少添加一个全连接输出层。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="361"/>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="364"/>
        <source>Cannot open {path}: {error}</source>
        <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="366"/>
        <source>Cannot open the architecture</source>
        <translation>无法打开网络结构</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="367"/>
        <source>{name} could not be opened:

{error}

The canvas is unchanged.</source>
        <translation>无法打开 {name}：

{error}

画布保持不变。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="373"/>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="379"/>
        <source>it is not a text file. An architecture is a JSON text file (the canvas&apos;s Save… writes one); a trained model (.npz) opens with File ▸ Open model…</source>
        <translation>它不是文本文件。网络结构是 JSON 文本文件（画布的“保存…”会写出这种文件）；训练好的模型（.npz）请用“文件 ▸ 打开模型…”打开。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="384"/>
        <source>its JSON nests too deeply to be a network architecture.</source>
        <translation>它的 JSON 嵌套太深，不可能是网络结构。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="386"/>
        <source>it is not valid JSON (line {line}, column {column}: {problem}).</source>
        <translation>它不是有效的 JSON（第 {line} 行，第 {column} 列：{problem}）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="395"/>
        <source>Open architecture</source>
        <translation>打开网络结构</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="397"/>
        <source>Network spec (*.json);;All files (*)</source>
        <translation>网络规格 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="408"/>
        <source>Save architecture</source>
        <translation>保存网络结构</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="410"/>
        <source>Network spec (*.json)</source>
        <translation>网络规格 (*.json)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="418"/>
        <source>Cannot save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="420"/>
        <source>Cannot save the architecture</source>
        <translation>无法保存网络结构</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="421"/>
        <source>{0} could not be written:

{1}</source>
        <translation>无法写入 {0}：

{1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="429"/>
        <location filename="../../playground/ui/canvas/panel.py" line="439"/>
        <source>Cannot build: {error}</source>
        <translation>无法构建：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="432"/>
        <source>Build cancelled: the current network is kept</source>
        <translation>已取消构建：保留当前网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="442"/>
        <source>Built a fresh network: {n:,} parameters, ready to train</source>
        <translation>已构建新网络：{n:,} 个参数，可以开始训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="486"/>
        <source>The input block stays: the data decides its shape</source>
        <translation>输入方块不能删除：它的形状由数据决定</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="510"/>
        <source>Tidy the layout</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="520"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="527"/>
        <source>Use the dataset&apos;s shape, {shape}</source>
        <translation>使用数据集的形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="533"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="534"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="536"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="539"/>
        <source>Insert after {name}</source>
        <translation>插入到 {name} 之后</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="542"/>
        <source>Insert between {a} and {b}</source>
        <translation>插入到 {a} 和 {b} 之间</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="547"/>
        <source>Add at the end</source>
        <translation>添加到末尾</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="577"/>
        <source>⚠ The engine accepts this network, but it takes inputs of {expected} and the dataset&apos;s images are {images}: it cannot be trained on them. Right-click the input block to use {images}.</source>
        <translation>⚠ 引擎接受这个网络，但它的输入是 {expected}，而数据集的图像是 {images}：无法用它们训练。右键点击输入方块即可改用 {images}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="594"/>
        <source>⚠ The output has {units} values and the dataset has {classes} classes: the {extra} extra outputs stand for no class and can never be right. Set the last layer to {classes} units.</source>
        <translation>⚠ 输出有 {units} 个值，而数据集只有 {classes} 个类别：多出的 {extra} 个输出不代表任何类别，永远不可能正确。请把最后一层设为 {classes} 个单元。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="616"/>
        <source>Move this softmax to the last layer, or choose another activation here. {error}</source>
        <translation>请把这个 softmax 移到最后一层，或在这里选用别的激活函数。{error}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="641"/>
        <source>the dataset&apos;s images are {shape}</source>
        <translation>数据集的图像是 {shape}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="648"/>
        <source>Total: {n:,} parameters</source>
        <translation>总计：{n:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="650"/>
        <source>Total so far: {n:,} parameters</source>
        <translation>目前合计：{n:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="694"/>
        <source>{done} — {problem}</source>
        <translation>{done} — {problem}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="585"/>
        <source>⚠ The engine accepts this network, but its output has {units} values and the dataset has {classes} classes: it cannot be trained on it. Set the last layer to {classes} units.</source>
        <translation>⚠ 引擎接受这个网络，但它的输出只有 {units} 个值，而数据集有 {classes} 个类别：无法用它训练。请把最后一层设为 {classes} 个单元。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/panel.py" line="600"/>
        <source>✓ The engine accepts this network: {n} layers, output {shape}</source>
        <translation>✓ 引擎接受这个网络：{n} 层，输出 {shape}</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="165"/>
        <source>1 channel of {h}x{w} pixels</source>
        <translation>1 个通道，{h}x{w} 像素</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="167"/>
        <source>{c} channels of {h}x{w} pixels</source>
        <translation>{c} 个通道，{h}x{w} 像素</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="171"/>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="173"/>
        <location filename="../../playground/ui/canvas/scene.py" line="213"/>
        <location filename="../../playground/ui/canvas/scene.py" line="294"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="176"/>
        <source>{shape} ({n:,} values)</source>
        <translation>{shape}（{n:,} 个值）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="180"/>
        <source>The data: one sample at a time flows down the arrows.</source>
        <translation>数据：每次一个样本，沿箭头向下流动。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="189"/>
        <source>{n:,} params</source>
        <translation>{n:,} 个参数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="196"/>
        <source>shape unknown: fix the red block above</source>
        <translation>形状未知：请修正上方的红色方块</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="209"/>
        <source>Data flows from {a} to {b}: {shape}.
Drop a layer (or drag a block) here to insert it between them.</source>
        <translation>数据从 {a} 流向 {b}：{shape}。
把一个层（或拖动一个方块）放到这里，即可插入到两者之间。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/scene.py" line="292"/>
        <source>Release to move {name} between {a} and {b}</source>
        <translation>松开即可把 {name} 移到 {a} 和 {b} 之间</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/ui/canvas/view.py" line="78"/>
        <source>Network canvas</source>
        <translation>网络画布</translation>
    </message>
    <message>
        <location filename="../../playground/ui/canvas/view.py" line="80"/>
        <source>The network, from the input (top left) down to the output; a long network goes on in the next column.
Drag layers here from the palette; drop one on an arrow to insert it there.
Drag a block onto another arrow to reorder; Delete removes the selected block.
Ctrl + wheel zooms, dragging the background pans; View ▸ Maximize panel gives the canvas the whole window.</source>
        <translation>网络从左上角的输入向下直到输出；较长的网络接着排在下一列。
从层面板把层拖到这里；放到箭头上即插入到该处。
把方块拖到另一个箭头上可调整顺序；按 Delete 删除所选方块。
Ctrl + 滚轮缩放，拖动背景可平移；“视图 ▸ 最大化面板”把整个窗口让给画布。</translation>
    </message>
</context>
<context>
    <name>NeuronLab</name>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="101"/>
        <source>Neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="106"/>
        <source>How many inputs the neuron has (1 to 3).</source>
        <translation>神经元有几个输入（1 到 3 个）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="110"/>
        <source>binary inputs (0 or 1)</source>
        <translation>二值输入（0 或 1）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="111"/>
        <source>real inputs (0 to 1)</source>
        <translation>实数输入（0 到 1）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="113"/>
        <source>A perceptron&apos;s inputs are bits; a sigmoid neuron also takes any value between 0 and 1.</source>
        <translation>感知器的输入是比特；S 型神经元还能接受 0 到 1 之间的任意值。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="119"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="134"/>
        <source>Click to switch input x{0} between 0 and 1.</source>
        <translation>点击使输入 x{0} 在 0 和 1 之间切换。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="139"/>
        <source>The value of input x{0}.</source>
        <translation>输入 x{0} 的值。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="145"/>
        <source>Weight w{0}: how much input x{0} matters, and in which direction.</source>
        <translation>权重 w{0}：输入 x{0} 有多重要，以及朝哪个方向起作用。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="165"/>
        <source>Bias b = −threshold: the perceptron&apos;s threshold moved to the other side, so it fires when w·x + b &gt; 0. A large b makes the neuron fire easily.</source>
        <translation>偏置 b = −阈值：把感知器的阈值移到不等式另一边，于是当 w·x + b &gt; 0 时它就激活。b 越大，神经元越容易激活。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="172"/>
        <source>NAND preset</source>
        <translation>与非门预设</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="175"/>
        <source>The book&apos;s NAND gate: two inputs, weights −2 and −2, bias 3.</source>
        <translation>书中的与非门：两个输入，权重 −2 和 −2，偏置 3。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="183"/>
        <source>Nudge a weight</source>
        <translation>微调一个权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="185"/>
        <source>Change one weight by a small amount and compare how each output responds.</source>
        <translation>把一个权重改动一点点，比较各输出如何响应。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="191"/>
        <source>The weight to nudge.</source>
        <translation>要微调的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="197"/>
        <source>How much to change the weight by (Δw).</source>
        <translation>权重的改变量（Δw）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="198"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="199"/>
        <source>Δw</source>
        <translation>Δw</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="202"/>
        <source>Nudge +Δw</source>
        <translation>微调 +Δw</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="204"/>
        <source>Add Δw to the chosen weight.</source>
        <translation>给所选权重加上 Δw。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="206"/>
        <source>Nudge −Δw</source>
        <translation>微调 −Δw</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="208"/>
        <source>Subtract Δw from the chosen weight.</source>
        <translation>从所选权重减去 Δw。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="223"/>
        <source>Nudge a weight to see how each output responds to a small change.</source>
        <translation>微调一个权重，看各输出如何响应这个小变化。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="227"/>
        <source>Output as a function of z = w·x + b</source>
        <translation>输出随 z = w·x + b 的变化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="227"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="231"/>
        <source>Red: the perceptron jumps from 0 to 1 at z = 0. Blue: the sigmoid neuron σ(z) rises smoothly.</source>
        <translation>红色：感知器在 z = 0 处从 0 跳到 1。蓝色：S 型神经元的 σ(z) 平滑上升。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="240"/>
        <source>perceptron (step)</source>
        <translation>感知器（阶跃）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="241"/>
        <source>σ(z)</source>
        <translation>σ(z)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="257"/>
        <source>Truth table (binary inputs)</source>
        <translation>真值表（二值输入）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="273"/>
        <source>Every combination of 0/1 inputs: z, the perceptron&apos;s output step(z) and the sigmoid neuron&apos;s output σ(z).</source>
        <translation>0/1 输入的每种组合：z、感知器的输出 step(z) 和 S 型神经元的输出 σ(z)。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="385"/>
        <source>fires (1) because z &gt; 0</source>
        <translation>激活（输出 1），因为 z &gt; 0</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="387"/>
        <source>stays at 0 because z ≤ 0</source>
        <translation>保持为 0，因为 z ≤ 0</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="391"/>
        <source>z = w·x + b = {terms} + ({b}) = &lt;b&gt;{z}&lt;/b&gt;</source>
        <translation>z = w·x + b = {terms} + ({b}) = &lt;b&gt;{z}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="396"/>
        <source>Perceptron: &lt;b&gt;{p}&lt;/b&gt; ({rule})</source>
        <translation>感知器：&lt;b&gt;{p}&lt;/b&gt;（{rule}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="399"/>
        <source>Sigmoid neuron: σ(z) = &lt;b&gt;{s}&lt;/b&gt;</source>
        <translation>S 型神经元：σ(z) = &lt;b&gt;{s}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="422"/>
        <source>did not move at all</source>
        <translation>完全没有变化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="424"/>
        <source>jumped by a full step</source>
        <translation>跳变了整整一个台阶</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="426"/>
        <source>w{i} changed by {dw}, so z changed by {dz}.</source>
        <translation>w{i} 改变了 {dw}，所以 z 改变了 {dz}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="431"/>
        <source>Perceptron: {a} → {b}: it {verdict}.</source>
        <translation>感知器：{a} → {b}：它{verdict}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="436"/>
        <source>Sigmoid: {a} → {b}, a smooth change of {d} (about σ′(z)·Δz = {approx}).</source>
        <translation>S 型神经元：{a} → {b}，平滑地改变了 {d}（约为 σ′(z)·Δz = {approx}）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="445"/>
        <source>Small changes in weights cause small changes in a sigmoid neuron&apos;s output: that is what lets a network learn by small steps.</source>
        <translation>权重的微小变化只会让 S 型神经元的输出产生微小变化：正因如此，网络才能一小步一小步地学习。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="478"/>
        <source>This truth table is not one of the named gates.</source>
        <translation>这个真值表不属于任何常见的逻辑门。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/labs/neuron_lab.py" line="480"/>
        <source>This perceptron computes {gate}.</source>
        <translation>这个感知器计算的是 {gate}。</translation>
    </message>
</context>
<context>
    <name>PooledView</name>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="305"/>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="315"/>
        <source>This network has no pooling layer.</source>
        <translation>这个网络没有池化层。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="312"/>
        <location filename="../../playground/ui/views/inside.py" line="381"/>
        <source>map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="313"/>
        <source>Each block, left to right: {0} | {1} | {2} | {3}</source>
        <translation>每块从左到右：{0} | {1} | {2} | {3}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="391"/>
        <source>{0}: {1} {2}×{2}, 1 map {4}×{5} → {6}×{7}</source>
        <translation>{0}：{1}池化 {2}×{2}，1 个特征图 {4}×{5} → {6}×{7}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="393"/>
        <source>{0}: {1} {2}×{2}, {3} maps {4}×{5} → {6}×{7}</source>
        <translation>{0}：{1}池化 {2}×{2}，{3} 个特征图 {4}×{5} → {6}×{7}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="409"/>
        <source>{0}, channel {1}, {2}: {3:.3f}</source>
        <translation>{0}，通道 {1}，{2}：{3:.3f}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="417"/>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="417"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/inside.py" line="417"/>
        <source>avg</source>
        <translation>平均</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="50"/>
        <source>this network reads {0} values; the image has {1} ({2})</source>
        <translation>这个网络读取 {0} 个值；这张图像有 {1} 个（{2}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="53"/>
        <source>this network reads {0} images; the image is {1}</source>
        <translation>这个网络读取 {0} 的图像；而这张图像是 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="61"/>
        <source>the network&apos;s outputs are not finite numbers (did training diverge?)</source>
        <translation>网络的输出不是有限数（训练是否发散了？）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="203"/>
        <source>over 99% sure</source>
        <translation>置信度超过 99%</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="203"/>
        <source>over 99% of the outputs</source>
        <translation>占输出的 99% 以上</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="207"/>
        <source>{0:.0%} of the outputs</source>
        <translation>占输出的 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="237"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="239"/>
        <source>The softmax output layer&apos;s probability for each class. They always sum to 100%, even for a drawing that is no digit at all.</source>
        <translation>softmax 输出层给出的每个类别的概率。即使画的根本不是数字，它们的和也总是 100%。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="245"/>
        <source>share of outputs</source>
        <translation>输出占比</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="247"/>
        <source>This network&apos;s output layer is not a softmax, so its outputs are not probabilities: the bars show each output as a share of their sum.</source>
        <translation>这个网络的输出层不是 softmax，所以它的输出不是概率：柱形显示的是每个输出占所有输出之和的比例。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="151"/>
        <source>Draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="104"/>
        <source>The network&apos;s best guess. It always picks one of its classes: a dot, a line or a letter still gets a digit, often with a high score.</source>
        <translation>网络的预测类别。它总会在自己的类别中选出一个：即使是一个点、一条线或一个字母，也会被识别为某个数字，而且分数往往很高。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="125"/>
        <source>Probability of each class</source>
        <translation>每个类别的概率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="191"/>
        <source>The network gives no answer (all outputs are zero)</source>
        <translation>网络没有给出答案（所有输出都为零）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="205"/>
        <source>{0:.0%} sure</source>
        <translation>置信度 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/prediction_view.py" line="209"/>
        <source>label: {0}</source>
        <translation>标签：{0}</translation>
    </message>
</context>
<context>
    <name>PresetDescriptions</name>
    <message>
        <location filename="../../engine_messages.py" line="104"/>
        <source>The ReLU conv net with its second convolution split into 2 groups (AlexNet; &quot;Deep Roots&quot;): half the weights.</source>
        <translation>ReLU 卷积网络，第二个卷积层分成 2 组（AlexNet；“Deep Roots”）：权重减半。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="105"/>
        <source>Chapter 6: conv 20@5x5, max-pool 2, dense 100, softmax (98.78% in the book).</source>
        <translation>第 6 章：卷积 20@5x5，最大池化 2，全连接 100，softmax（书中 98.78%）。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="106"/>
        <source>Chapter 6: two conv-pool stages (20 then 40 filters of 5x5), dense 100, softmax (99.06%).</source>
        <translation>第 6 章：两级卷积-池化（先 20 个、再 40 个 5x5 滤波器），全连接 100，softmax（99.06%）。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="107"/>
        <source>Chapter 6: the two-stage conv net with rectified linear units and L2 (99.23% in the book).</source>
        <translation>第 6 章：使用修正线性单元（ReLU）和 L2 的两级卷积网络（书中 99.23%）。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="108"/>
        <source>Chapter 1: [784, 30, 10] sigmoid network, quadratic cost (95.42% in the book).</source>
        <translation>第 1 章：[784, 30, 10] sigmoid 网络，二次代价（书中 95.42%）。</translation>
    </message>
    <message>
        <location filename="../../engine_messages.py" line="109"/>
        <source>Chapter 3: [784, 100, 10] sigmoid network, cross-entropy cost, L2 regularisation.</source>
        <translation>第 3 章：[784, 100, 10] sigmoid 网络，交叉熵代价，L2 正则化。</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../../playground/ui/dialogs.py" line="32"/>
        <source>Replace the file?</source>
        <translation>替换这个文件？</translation>
    </message>
    <message>
        <location filename="../../playground/ui/dialogs.py" line="33"/>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} 已经存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../playground/ui/dataset_browser.py" line="93"/>
        <source>{0} image #{1}, label {2}</source>
        <translation>{0}图像 #{1}，标签 {2}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="74"/>
        <location filename="../../playground/ui/training/panel.py" line="85"/>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="77"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="79"/>
        <source>{0} h {1:02d} min</source>
        <translation>{0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="227"/>
        <source>How many times to go through the training images</source>
        <translation>要把全部训练图像完整遍历多少次</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="233"/>
        <source>Images per mini-batch: the gradient is averaged over them before each step</source>
        <translation>每个小批量的图像数：每一步之前先对它们的梯度取平均</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="242"/>
        <source>Learning rate η: the size of each step down the gradient. Can change while training runs; it takes effect at the next mini-batch.</source>
        <translation>学习率 η：沿梯度下降时每一步的大小。训练过程中可以修改，从下一个小批量起生效。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="254"/>
        <source>Momentum μ: how much of the previous step carries into the next (0 = plain SGD). Can change while training runs.</source>
        <translation>动量 μ：上一步有多少延续到下一步（0 表示普通 SGD）。训练过程中可以修改。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="266"/>
        <source>L2 regularisation λ: shrinks the weights a little at every step, which fights overfitting. Can change while training runs.</source>
        <translation>L2 正则化 λ：每一步都让权重缩小一点，以对抗过拟合。训练过程中可以修改。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="278"/>
        <source>The cost the network minimises. Cross-entropy and log-likelihood learn fast even when a sigmoid or softmax output is badly wrong; the quadratic cost slows down there.</source>
        <translation>网络要最小化的代价函数。即使 sigmoid 或 softmax 输出错得很厉害，交叉熵和对数似然也学得很快；二次代价在这种情况下会变慢。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="289"/>
        <source>Seed of the random order of the images (and of fresh weights): the same seed repeats a run exactly</source>
        <translation>图像随机顺序（以及新权重）的随机种子：相同的种子可以完全重现一次训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="299"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="301"/>
        <source>Train on the first N training images only (all: the whole training set). A small subset runs fast but overfits.</source>
        <translation>只用前 N 张训练图像训练（全部：整个训练集）。小子集跑得快，但会过拟合。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="307"/>
        <source>Start from new random weights</source>
        <translation>从新的随机权重开始</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="310"/>
        <source>Off: continue from the current weights. On: draw new random weights from the seed first.</source>
        <translation>不勾选：从当前权重继续。勾选：先用随机种子生成新的随机权重。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="316"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="318"/>
        <source>Train the current network on the dataset</source>
        <translation>在数据集上训练当前网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="320"/>
        <location filename="../../playground/ui/training/panel.py" line="821"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="322"/>
        <source>Hold training between two mini-batches, or go on</source>
        <translation>在两个小批量之间暂停训练，或继续训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="324"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="326"/>
        <source>While paused: run exactly one more mini-batch</source>
        <translation>暂停时：只再运行一个小批量</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="328"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="331"/>
        <source>End training after the current mini-batch and keep the weights learnt so far</source>
        <translation>在当前小批量之后结束训练，并保留目前学到的权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="336"/>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="339"/>
        <source>S&amp;tep one mini-batch</source>
        <translation>单步运行一个小批量(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="342"/>
        <source>St&amp;op training</source>
        <translation>停止训练(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="353"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="358"/>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="360"/>
        <source>Save the trained network with its training history</source>
        <translation>保存训练好的网络及其训练历史</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="368"/>
        <source>Not training</source>
        <translation>未在训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="369"/>
        <source>Epoch, speed and the time left</source>
        <translation>轮次、速度和剩余时间</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="374"/>
        <source>ⓘ The canvas shows another network. Start trains the current one; to train the canvas&apos;s, press Build network (Ctrl+B) first.</source>
        <translation>ⓘ 画布上是另一个网络。“开始”训练的是当前网络；要训练画布上的网络，请先点击“构建网络”（Ctrl+B）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="385"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="386"/>
        <source>Mini-batch</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="387"/>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="388"/>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="389"/>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="390"/>
        <source>Cost</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="391"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="392"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="436"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="436"/>
        <source>Epochs count on from a loaded model&apos;s history</source>
        <translation>载入模型时，轮次接着它的训练历史继续编号</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="437"/>
        <source>Mean cost</source>
        <translation>平均代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="437"/>
        <source>The training cost, averaged over the epoch&apos;s images</source>
        <translation>本轮所有训练图像的平均代价</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="439"/>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="440"/>
        <source>Accuracy on the first {0:,} training images (all of them, if fewer)</source>
        <translation>在前 {0:,} 张训练图像上的准确率（不足这么多时用全部图像）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="448"/>
        <source>How long the epoch&apos;s mini-batches took (the accuracy checks after them not counted)</source>
        <translation>这一轮的小批量训练用时（不含之后的准确率测量）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="444"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="444"/>
        <source>Accuracy on the validation images</source>
        <translation>验证集图像上的准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="445"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="445"/>
        <source>Accuracy on the test images</source>
        <translation>测试集图像上的准确率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="447"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="480"/>
        <source>Every finished epoch; the best validation accuracy is in bold. {0} copies rows</source>
        <translation>每个已完成的轮次占一行；验证集准确率最高的一轮以粗体显示。按 {0} 复制所选的行</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="484"/>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="676"/>
        <source>There is no network to train yet.</source>
        <translation>还没有可训练的网络。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="693"/>
        <source>Nothing to train</source>
        <translation>没有可训练的网络</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="694"/>
        <source>There is no network yet: open a model or build one.</source>
        <translation>还没有网络：请打开一个模型或构建一个。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="699"/>
        <source>No dataset</source>
        <translation>没有数据集</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="700"/>
        <source>The dataset is not loaded yet; wait a moment or open one (File ▸ Open dataset folder).</source>
        <translation>数据集尚未载入；请稍等，或打开一个（文件 ▸ 打开数据集文件夹）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="711"/>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="720"/>
        <source>Training… (the first mini-batches may wait for the engine to compile)</source>
        <translation>正在训练…（最初几个小批量可能要等引擎编译）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="723"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="759"/>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="760"/>
        <source>Training is still running. Stop it and {0}? The weights learnt so far are kept.</source>
        <translation>训练仍在进行。要停止训练并{0}吗？目前学到的权重会保留。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="762"/>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="774"/>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="774"/>
        <source>There is no model yet.</source>
        <translation>还没有模型。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="780"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="781"/>
        <source>{0} could not be written:

{1}</source>
        <translation>无法写入 {0}：

{1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="784"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="790"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="790"/>
        <source>Playground models (*.npz)</source>
        <translation>Playground 模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="805"/>
        <source>{0} is now {1:g} from the next mini-batch</source>
        <translation>{0}将从下一个小批量起改为 {1:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="807"/>
        <source>The learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="808"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="809"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="821"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="841"/>
        <location filename="../../playground/ui/training/panel.py" line="891"/>
        <source>Paused: Step runs one mini-batch, Resume goes on</source>
        <translation>已暂停：“单步”运行一个小批量，“继续”接着训练</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="843"/>
        <source>Stopping after this mini-batch…</source>
        <translation>将在这个小批量之后停止…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="844"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="845"/>
        <location filename="../../playground/ui/training/panel.py" line="852"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="853"/>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4:,.0f} images/s · {5} left</source>
        <translation>第 {0}/{1} 轮 · 小批量 {2}/{3} · {4:,.0f} 张/秒 · 剩余 {5}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="856"/>
        <source>Epoch {0}/{1} · measuring the accuracy · {4:,.0f} images/s · {5} left</source>
        <translation>第 {0}/{1} 轮 · 正在测量准确率 · {4:,.0f} 张/秒 · 剩余 {5}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="866"/>
        <source>Paused · </source>
        <translation>已暂停 · </translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="876"/>
        <source>Epoch {0}: cost {1:.4f}; accuracy: training {2}, validation {3}, test {4} ({5})</source>
        <translation>第 {0} 轮：代价 {1:.4f}；准确率：训练集 {2}，验证集 {3}，测试集 {4}（{5}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="917"/>
        <source>The accuracy is still near chance ({0}) after {1} mini-batches: too few for this network to get going, which can take a thousand or more. Train on more images or for more epochs.</source>
        <translation>训练了 {1} 个小批量后，准确率仍接近随机猜测（{0}）：这个网络还没来得及起步，这可能需要一千个甚至更多小批量。请用更多图像或多训练几轮。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="922"/>
        <source>The accuracy is near chance ({0}): the network is not learning. With a large η the sigmoids may have saturated or every ReLU gone silent: try η 10 times smaller, from new random weights. With a small η, give it more epochs.</source>
        <translation>准确率接近随机猜测（{0}）：网络没有在学习。η 较大时，sigmoid 可能已经饱和，或者所有 ReLU 都不再激活：请把 η 减小到约十分之一，并从新的随机权重开始。η 较小时，请多训练几轮。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="942"/>
        <source>Training stopped: the cost became NaN or infinite</source>
        <translation>训练已停止：代价变成了 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="951"/>
        <source>Use η = {0:g}</source>
        <translation>使用 η = {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="954"/>
        <source>The learning rate this network usually trains with</source>
        <translation>这个网络通常使用的学习率</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="959"/>
        <location filename="../../playground/ui/training/panel.py" line="968"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="960"/>
        <source>An error stopped training:

{0}</source>
        <translation>训练因错误而停止：

{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="969"/>
        <source>Training failed; the previous model is kept.</source>
        <translation>训练失败；保留之前的模型。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="973"/>
        <source>Diverged: weights restored</source>
        <translation>已发散：权重已恢复</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="979"/>
        <source>Stopped: {0}/{1} epochs done</source>
        <translation>已停止：完成 {0}/{1} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="982"/>
        <source>Done: {0}/{1} epochs</source>
        <translation>完成：{0}/{1} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/training/panel.py" line="985"/>
        <source>The drawing is now read by the trained network. Save it with Save model.</source>
        <translation>现在由训练好的网络识别笔迹。可用“保存模型”保存它。</translation>
    </message>
</context>
<context>
    <name>ViewsPanel</name>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="180"/>
        <source>Each conv layer&apos;s kernels: one row per filter, one column per input channel. Red weights are positive, blue negative, white zero (the scale is symmetric).</source>
        <translation>每个卷积层的卷积核：每个滤波器一行，每个输入通道一列。红色权重为正，蓝色为负，白色为零（色标对称）。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="186"/>
        <source>What each filter finds in the probe image: bright where its kernel matches</source>
        <translation>每个滤波器在观察图像中找到了什么：与其卷积核吻合处发亮</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="189"/>
        <source>Each feature map beside what max, L2 and average pooling make of it</source>
        <translation>每个特征图，旁边是最大池化、L2 池化和平均池化的结果</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="192"/>
        <source>The first dense layer&apos;s weights, one image per unit: what each unit looks for (red positive, blue negative)</source>
        <translation>第一个全连接层的权重，每个单元一张图：看每个单元在寻找什么（红为正，蓝为负）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="200"/>
        <source>Misclassified validation images (after an epoch): guess, then true label</source>
        <translation>被分错的验证集图像（每轮之后）：先是预测类别，后是真实标签</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="206"/>
        <source>All mistakes</source>
        <translation>全部错误</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="208"/>
        <source>Show every misclassified image again instead of one cell&apos;s (clicking the cell again does the same)</source>
        <translation>重新显示所有被分错的图像，而不只是一个格子的（再次点击该格子也可以）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="230"/>
        <location filename="../../playground/ui/views/panel.py" line="347"/>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="231"/>
        <location filename="../../playground/ui/views/panel.py" line="348"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="232"/>
        <location filename="../../playground/ui/views/panel.py" line="349"/>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="233"/>
        <location filename="../../playground/ui/views/panel.py" line="350"/>
        <source>Dense weights</source>
        <translation>全连接权重</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="234"/>
        <source>Confusion &amp;&amp; mistakes</source>
        <translation>混淆矩阵与错例</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="268"/>
        <source>The probe: the image whose feature maps and pooled outputs the views show. Draw a digit, pick a dataset image or click a mistake to change it.</source>
        <translation>观察图像：各视图显示的是它的特征图和池化输出。写一个数字、选一张数据集图像或点击一个错例即可更换。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="275"/>
        <source>validation image #</source>
        <translation>验证集图像 #</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="277"/>
        <source>validation image…</source>
        <translation>验证集图像…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="279"/>
        <source>Use this validation image as the probe</source>
        <translation>把这张验证集图像用作观察图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="285"/>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="288"/>
        <source>Show every view in one scrolling grid instead of tabs (a bigger or undocked panel gets more columns)</source>
        <translation>在一个可滚动的网格中显示所有视图，而不用标签页（面板越大或浮动出来，列数越多）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="297"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="298"/>
        <source>Save a view as PNG, or the history as CSV</source>
        <translation>把视图保存为 PNG，或把历史保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="303"/>
        <source>{0} as PNG…</source>
        <translation>将{0}导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="307"/>
        <source>History as CSV…</source>
        <translation>将历史导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="309"/>
        <source>Mini-batch costs as CSV…</source>
        <translation>将小批量代价导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="345"/>
        <source>Cost plot</source>
        <translation>代价曲线图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="346"/>
        <source>Accuracy plot</source>
        <translation>准确率曲线图</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="351"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="352"/>
        <source>Misclassified images</source>
        <translation>分错的图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="353"/>
        <source>The whole panel</source>
        <translation>整个面板</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="410"/>
        <source>your drawing</source>
        <translation>你的笔迹</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="422"/>
        <source>validation image #{0} (label {1})</source>
        <translation>验证集图像 #{0}（标签 {1}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="560"/>
        <source>Validation, epoch {0}: {1} right</source>
        <translation>验证集，第 {0} 轮：正确 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="587"/>
        <source>The first {0} of {1} misclassified validation images after epoch {2} (guess, then true label); click one to probe it</source>
        <translation>第 {2} 轮后有 {1} 张验证集图像被分错，这里显示前 {0} 张（先是预测类别，后是真实标签）；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="592"/>
        <source>No misclassified validation images after epoch {0}</source>
        <translation>第 {0} 轮后没有被分错的验证集图像</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="596"/>
        <source>1 misclassified validation image after epoch {0} (guess, then true label); click it to probe it</source>
        <translation>第 {0} 轮后有 1 张验证集图像被分错（先是预测类别，后是真实标签）；点击它即可观察</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="601"/>
        <source>{0} misclassified validation images after epoch {1} (guess, then true label); click one to probe it</source>
        <translation>第 {1} 轮后有 {0} 张验证集图像被分错（先是预测类别，后是真实标签）；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="627"/>
        <source>No image of {0} was read correctly after epoch {2}</source>
        <translation>第 {2} 轮后，没有一张 {0} 被正确识别</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="629"/>
        <source>1 image of {0} read correctly after epoch {2}; click it to probe it</source>
        <translation>第 {2} 轮后有 1 张 {0} 被正确识别；点击它即可观察</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="633"/>
        <source>The first {3} of {4} images of {0} read correctly after epoch {2}; click one to probe it</source>
        <translation>第 {2} 轮后有 {4} 张 {0} 被正确识别，这里显示前 {3} 张；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="638"/>
        <source>{4} images of {0} read correctly after epoch {2}; click one to probe it</source>
        <translation>第 {2} 轮后有 {4} 张 {0} 被正确识别；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="642"/>
        <source>No image of {0} was read as {1} after epoch {2}</source>
        <translation>第 {2} 轮后，没有一张 {0} 被识别为 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="644"/>
        <source>1 image of {0} read as {1} after epoch {2}; click it to probe it</source>
        <translation>第 {2} 轮后有 1 张 {0} 被识别为 {1}；点击它即可观察</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="646"/>
        <source>The first {3} of {4} images of {0} read as {1} after epoch {2}; click one to probe it</source>
        <translation>第 {2} 轮后有 {4} 张 {0} 被识别为 {1}，这里显示前 {3} 张；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="651"/>
        <source>{4} images of {0} read as {1} after epoch {2}; click one to probe it</source>
        <translation>第 {2} 轮后有 {4} 张 {0} 被识别为 {1}；点击一张即可观察它</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="660"/>
        <source>a validation image (label {0})</source>
        <translation>一张验证集图像（标签 {0}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="662"/>
        <source>a misclassified image (label {0})</source>
        <translation>一张被分错的图像（标签 {0}）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="677"/>
        <source>Probe: none yet (draw a digit or pick an image)</source>
        <translation>观察图像：暂无（写一个数字或选一张图像）</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="680"/>
        <source>Probe: {0}</source>
        <translation>观察图像：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="751"/>
        <source>After the first epoch</source>
        <translation>第一轮结束后可用</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="767"/>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="767"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="773"/>
        <location filename="../../playground/ui/views/panel.py" line="795"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="773"/>
        <source>{0} could not be written.</source>
        <translation>无法写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="777"/>
        <source>Export history as CSV</source>
        <translation>将历史导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="781"/>
        <source>Export mini-batch costs as CSV</source>
        <translation>将小批量代价导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="787"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../playground/ui/views/panel.py" line="796"/>
        <source>{0} could not be written:

{1}</source>
        <translation>无法写入 {0}：

{1}</translation>
    </message>
</context>
</TS>
