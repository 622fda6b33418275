/* Explorers: controls and a drawing under a figure, whose frames the page's own
   snippets computed at build time (figures_src/<page>/explore_<name>.py). The
   figure and its caption stay in view above (the prose compares what they show);
   they are all there is without JavaScript and in print. The data is fetched when
   the reader comes within 1000 px; the explorer is built in a task of its own,
   reading no layout. Type sizes (site.css) and tick labels are the figures'. */
(function () {
  "use strict";
  var TEXT = {
    en: {
      act: "Nonlinearity", std: "Weight std", lr: "Learning rate",
      stdValue: "std ", lrValue: "learning rate ", layer: "layer",
      layerName: function (n) { return "layer " + n; },
      actStd: "activation std", gradStd: "gradient dL/dh std",
      hist: "Activations per layer (fraction of all units; ReLU: zeros not drawn)",
      stdTitle: "Std per layer (log scale)",
      epoch: "epoch", loss: "training loss", valAcc: "validation accuracy",
      ratio: "update/weight ratio", rule: "1e-3 (rule of thumb)",
      others: "the other rates",
      clipped: "▲ above 1000 or not finite",
      surface: "Surface", rule: "Update rule", tuned: " (tuned)", tunedButton: "tuned",
      otherRules: "the other rules at this rate", names: {},
      notFinite: "not finite",
      surfaces: {ravine: "ravine", saddle: "saddle", rosenbrock: "Rosenbrock"},
      pathSummary: function (rule, lr, surface, f, gap) {
        return rule + ", " + lr + ", " + surface + ": " + (f.left ? "more than a view " +
          "away at step " + (f.steps + 1) + " (not drawn further); " : "") +
          "gap to the lowest value after 100 steps " + gap + ".";
      },
      initSummary: function (name, std, f) {
        return name + ", std " + std + ": layer 10 activation std " +
          e2(f.act_std[9]) + ", layer 1 gradient std " + e2(f.grad_std[0]) + ".";
      },
      lrSummary: function (lr, f) {
        var s = "lr " + lr + ": training loss " + g3(f.loss[1]) + " after epoch 1, " +
          g3(f.loss[20]) + " after epoch 20; training accuracy " + f.train_acc.toFixed(3) +
          ", validation accuracy " + f.val_acc[20].toFixed(3) + ". W1 ratio " +
          e1(f.ratio.W1[0]) + " → " + e1(f.ratio.W1[19]) + ", W2 " +
          e1(f.ratio.W2[0]) + " → " + e1(f.ratio.W2[19]) + ".";
        if (f.status === "diverged") s = "Diverged. " + s;
        if (f.status === "slow") s = "Barely moves. " + s;
        if (f.inf !== null) s += " Loss inf from epoch " + f.inf + ".";
        if (f.nan !== null) s += " NaN from epoch " + f.nan + ".";
        return s;
      }
    },
    ko: {
      act: "활성화 함수", std: "가중치 표준편차", lr: "학습률",
      stdValue: "표준편차 ", lrValue: "학습률 ", layer: "층",
      layerName: function (n) { return n + "층"; },
      actStd: "활성값 표준편차", gradStd: "기울기 dL/dh 표준편차",
      hist: "층별 활성값 분포 (전체 유닛 중 비율, ReLU는 0 제외)",
      stdTitle: "층별 표준편차 (로그 스케일)",
      epoch: "에폭", loss: "훈련 손실", valAcc: "검증 정확도",
      ratio: "업데이트/가중치 비율", rule: "1e-3 (경험칙)",
      others: "다른 학습률",
      clipped: "▲ 1000 초과 또는 유한하지 않음",
      surface: "곡면", rule: "업데이트 규칙", tuned: " (고른 학습률)", tunedButton: "고른 학습률",
      otherRules: "같은 학습률의 다른 규칙", names: {momentum: "모멘텀"},
      notFinite: "유한하지 않은 값",
      surfaces: {ravine: "좁은 골짜기", saddle: "안장점", rosenbrock: "Rosenbrock"},
      pathSummary: function (rule, lr, surface, f, gap) {
        return rule + ", " + lr + ", " + surface + ": " + (f.left ? f.steps + 1 +
          "단계에서 그림 밖 멀리 벗어납니다(그 뒤는 그리지 않습니다). " : "") +
          "100단계 뒤 최솟값과의 차이는 " + gap + "입니다.";
      },
      initSummary: function (name, std, f) {
        return name + ", 표준편차 " + std + ": 10층 활성값 표준편차 " +
          e2(f.act_std[9]) + ", 1층 기울기 표준편차 " + e2(f.grad_std[0]) + "입니다.";
      },
      lrSummary: function (lr, f) {
        var s = "학습률 " + lr + ": 훈련 손실은 1에폭 뒤 " + g3(f.loss[1]) +
          ", 20에폭 뒤 " + g3(f.loss[20]) + "입니다. 훈련 정확도 " + f.train_acc.toFixed(3) +
          ", 검증 정확도 " + f.val_acc[20].toFixed(3) + ". W1 비율 " +
          e1(f.ratio.W1[0]) + " → " + e1(f.ratio.W1[19]) + ", W2 " +
          e1(f.ratio.W2[0]) + " → " + e1(f.ratio.W2[19]) + ".";
        if (f.status === "diverged") s = "발산했습니다. " + s;
        if (f.status === "slow") s = "손실이 거의 줄지 않습니다. " + s;
        if (f.inf !== null) s += " " + f.inf + "에폭부터 손실이 inf입니다.";
        if (f.nan !== null) s += " " + f.nan + "에폭부터 nan입니다.";
        return s;
      }
    }
  };
  var T = TEXT[document.documentElement.lang === "ko" ? "ko" : "en"];

  /* Numbers as the snippets print them: Python's .2e, .1e, .3g and g. */
  function pyExp(s) { return s.replace(/e([+-])(\d)$/, "e$10$2"); }
  function e2(v) { return v === null ? "nan" : pyExp(v.toExponential(2)); }
  function e1(v) { return v === null ? "nan" : pyExp(v.toExponential(1)); }
  function g3(v) {
    if (v === null) return "nan";
    var e = Number(v.toExponential(2).split("e")[1]);
    if (e < -4 || e >= 3) return pyExp(v.toExponential(2).replace(/\.?0+e/, "e"));
    return v.toFixed(2 - e).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }
  function g(v) { return String(Number(v.toPrecision(6))); }

  /* Tick labels as the figures beside the explorers write them. */
  function power(t) { return "1e" + Math.round(Math.log10(t)); }  // plot_layer_std, plot_update_ratio
  function lossTick(t) { return t >= 1e-3 ? g(t) : power(t); }  // plot_lr_sweep

  function make(ns) {  // h: an HTML element, s: an SVG one
    return function (tag, attrs, parent, text) {
      var el = document.createElementNS(ns, tag);
      for (var k in attrs) el.setAttribute(k, attrs[k]);
      if (text !== undefined) el.textContent = text;
      if (parent) parent.appendChild(el);
      return el;
    };
  }
  var h = make("http://www.w3.org/1999/xhtml"), s = make("http://www.w3.org/2000/svg");

  /* Matplotlib's look: ticks 3.5 pt (5 px) outward, labels 3.5 pt from them. */
  var TICK = 5, PAD = 5;

  /* One panel in box {x, y, w, h}; returns the scales. An axis is {lo, hi, log,
     ticks, fmt, bare: no labels}. A bare panel (a histogram): no grid, small labels,
     no left spine without y ticks. */
  function panel(svg, box, ax, ay, xlabel, bare) {
    function scale(a, p0, p1) {
      var f = a.log ? Math.log10 : Number, lo = f(a.lo), hi = f(a.hi);
      return function (v) { return p0 + (f(v) - lo) / (hi - lo) * (p1 - p0); };
    }
    var x = scale(ax, box.x, box.x + box.w), y = scale(ay, box.y + box.h, box.y);
    var g = s("g", {"class": "axes"}, svg), bottom = box.y + box.h, grid = "";
    var spines = (bare && !ay.ticks.length ? "M" + box.x + " " + bottom : "M" + box.x +
      " " + box.y + "V" + bottom) + "H" + (box.x + box.w);  // and the ticks: one path
    ay.ticks.forEach(function (t) {
      grid += "M" + box.x + " " + y(t) + "h" + box.w;
      spines += "M" + (box.x - TICK) + " " + y(t) + "h" + TICK;
      s("text", {x: box.x - TICK - PAD, y: y(t), dy: ".35em", "text-anchor": "end",
        "class": "tick y" + (bare ? " small" : "")}, g, (ay.fmt || String)(t));
    });
    ax.ticks.forEach(function (t) {
      grid += "M" + x(t) + " " + box.y + "V" + bottom;
      spines += "M" + x(t) + " " + bottom + "v" + TICK;
      if (!ax.bare) s("text", {x: x(t), y: bottom + TICK + PAD, dy: ".8em",
        "text-anchor": "middle", "class": "tick x" + (bare ? " small" : "")}, g,
        (ax.fmt || String)(t));
    });
    if (!bare) g.insertBefore(s("path", {d: grid, "class": "grid"}), g.firstChild);
    s("path", {d: spines}, g);
    if (xlabel) s("text", {x: box.x + box.w / 2, y: bottom + TICK + PAD + 18,
      dy: ".8em", "text-anchor": "middle", "class": "label"}, g, xlabel);
    return {x: x, y: y};
  }
  var BELOW = TICK + PAD + 36;  // tick labels and x label

  function line(svg, pts, cls) {
    var d = "";
    pts.forEach(function (p, i) {
      d += (p === null ? "" : (d && pts[i - 1] !== null ? "L" : "M") + p[0].toFixed(1) +
        " " + p[1].toFixed(1));
    });
    return s("path", {d: d, "class": "line " + cls}, svg);
  }
  function decades(lo, hi, fmt) {
    var a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
    if (b - a < 2) { a -= 1; b += 1; }
    var step = Math.ceil((b - a) / 6), ticks = [];
    for (var k = b; k >= a; k -= step) ticks.push(Math.pow(10, k));
    return {lo: Math.pow(10, a), hi: Math.pow(10, b), log: true, ticks: ticks,
      fmt: fmt || power};
  }
  /* At most three steps from 0 to top: MaxNLocator(3), as in the histogram figures. */
  function steps(top) {
    var raw = top / 3, mag = Math.pow(10, Math.floor(Math.log10(raw))), ticks = [];
    var step = mag * [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].filter(function (m) {
      return m * mag >= raw; })[0];
    for (var k = 0; k * step <= top * (1 + 1e-9); k++) ticks.push(Number(g(k * step)));
    return ticks;
  }

  /* A chart: title and legend (text that wraps), then the drawing. */
  function chart(parent, width, height, title, keys) {
    var div = h("div", {"class": "explorer__chart"}, parent);
    div.style.width = width + "px";
    h("p", {"class": "explorer__title"}, div, title);
    if (keys) {
      var legend = h("p", {"class": "explorer__legend"}, div);
      keys.forEach(function (k) { h("span", {"class": "explorer__key " + k[0]}, legend, k[1]); });
    }
    return s("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": title}, div);
  }

  /* The slider and its marked values: real form controls. */
  function slider(root, label, values, marks, say, onChange) {
    var id = "x" + Math.random().toString(36).slice(2, 8);
    var row = h("div", {"class": "explorer__slider"}, root);
    h("label", {"for": id}, row, label);
    var input = h("input", {type: "range", id: id, min: 0, max: values.length - 1,
      step: 1}, row);
    var out = h("output", {"for": id, "aria-hidden": "true"}, row);
    var buttons = h("div", {"class": "explorer__marks", role: "group",
      "aria-label": label}, root);
    marks.forEach(function (m) {  /* [label, index] */
      var b = h("button", {type: "button", "data-index": m[1]}, buttons, m[0]);
      b.addEventListener("click", function () { set(m[1]); });
    });
    function set(i) {
      input.value = i;
      var text = say(i);
      input.setAttribute("aria-valuetext", text);
      out.textContent = text;
      onChange(i);
    }
    input.addEventListener("input", function () { set(Number(input.value)); });
    return set;
  }

  /* Radio buttons, the first one chosen. */
  function choice(root, legend, keys, name, pick) {
    var fs = h("fieldset", {"class": "explorer__choice"}, root);
    h("legend", {}, fs, legend);
    var group = "a" + Math.random().toString(36).slice(2, 8);
    keys.forEach(function (k, i) {
      var lab = h("label", {}, fs);
      var r = h("input", {type: "radio", name: group, value: k}, lab);
      r.checked = !i;
      lab.appendChild(document.createTextNode(" " + name(k)));
      r.addEventListener("change", function () { pick(k); });
    });
  }

  function weightInit(root, data, width) {
    var acts = {tanh: "tanh", relu: "ReLU"}, act = "tanh", index = data.marks.xavier;
    var names = {};
    Object.keys(data.marks).forEach(function (k) {
      if (k === "xavier" || k === "he") names[data.marks[k]] = k === "he" ? "He" : "Xavier";
    });
    choice(root, T.act, Object.keys(acts), function (k) { return acts[k]; },
      function (k) { act = k; draw(); });
    function stdText(i) {
      return T.stdValue + g3(data.stds[i]) + (names[i] ? " (" + names[i] + ")" : "");
    }
    var marks = Object.keys(data.marks).map(function (k) {
      var i = data.marks[k];
      return [names[i] ? names[i] + " " + g3(data.stds[i]) : k, i];
    });
    var charts = h("div", {"class": "explorer__charts"});
    var summary = h("p", {"class": "explorer__readout", "aria-live": "polite"});
    var table = h("table", {"class": "explorer__table"});
    var set = slider(root, T.std, data.stds, marks, stdText,
      function (i) { index = i; draw(); });
    [charts, summary, table].forEach(function (el) { root.appendChild(el); });

    /* Ten histograms on one y scale (fraction of all units), a y axis on the first
       of each row; the x range padded so that values piled at its ends (saturated
       tanh) stand as spikes on the baseline. */
    function histograms(f) {
      var range = data.ranges[act], lo = range[0], hi = range[1];
      var pad = 0.1 * (hi - lo), cols = width < 560 ? 5 : 10, rows = 10 / cols;
      var left = 46, cw = (width - left) / cols, ph = 60, head = 18, foot = 46;
      var svg = chart(charts, width, rows * (head + ph + foot), T.hist);
      var peak = 0;
      f.counts.forEach(function (c) { peak = Math.max(peak, Math.max.apply(null, c)); });
      var ay = {lo: 0, hi: 1.05 * Math.max(peak, 1) / data.units, fmt: g};
      ay.ticks = steps(ay.hi);
      f.counts.forEach(function (c, l) {
        var col = l % cols, bx = left + col * cw, by = head + Math.floor(l / cols) *
          (head + ph + foot), w = cw - 8;
        var sc = panel(svg, {x: bx, y: by, w: w, h: ph},
          {lo: lo - pad, hi: hi + pad, ticks: data.ticks[act], bare: col > 0},
          col ? {lo: 0, hi: ay.hi, ticks: []} : ay, undefined, true);
        s("text", {x: bx + w / 2, y: by - 6, "class": "small", "text-anchor": "middle"},
          svg, T.layerName(l + 1));
        var bw = (hi - lo) / c.length, d = "M" + sc.x(lo).toFixed(1) + " " + (by + ph);
        c.forEach(function (n, b) {
          d += "V" + sc.y(n / data.units).toFixed(1) + "H" + sc.x(lo + (b + 1) * bw).toFixed(1);
        });
        s("path", {d: d + "V" + (by + ph) + "Z", "class": "bars"}, svg);
        if (f.over[l]) {
          s("text", {x: bx + w, y: by + ph + TICK + PAD + 18, dy: ".8em",
            "class": "small warn", "text-anchor": "end"}, svg,
            "→ " + Math.round(100 * f.over[l] / data.units) + "%");
        }
      });
    }

    function draw() {
      var f = data.frames[act][index];
      charts.textContent = "";
      histograms(f);
      var all = f.act_std.concat(f.grad_std);
      var ay = decades(Math.min.apply(null, all), Math.max.apply(null, all));
      var pw = Math.min(width, 640), box = {x: 48, y: 10, w: pw - 64, h: 150};
      var svg = chart(charts, pw, box.y + box.h + BELOW, T.stdTitle,
        [["act", T.actStd], ["grad", T.gradStd]]);
      var sc = panel(svg, box, {lo: 1, hi: 10, ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]},
        ay, T.layer);
      [["act", f.act_std], ["grad", f.grad_std]].forEach(function (series) {
        line(svg, series[1].map(function (v, i) { return [sc.x(i + 1), sc.y(v)]; }),
          series[0]);
        var dots = "";  // a 3 px dot at each layer, all in one path
        series[1].forEach(function (v, i) {
          dots += "M" + (sc.x(i + 1) - 3).toFixed(1) + " " + sc.y(v).toFixed(1) +
            "a3 3 0 1 0 6 0a3 3 0 1 0-6 0";
        });
        s("path", {d: dots, "class": "dot " + series[0]}, svg);
      });
      summary.textContent = T.initSummary(acts[act], g3(data.stds[index]), f);
      table.textContent = "";
      var head = h("tr", {}, h("thead", {}, table));
      [T.layer, T.actStd, T.gradStd].forEach(function (t) {
        h("th", {scope: "col"}, head, t);
      });
      var body = h("tbody", {}, table);
      f.act_std.forEach(function (v, i) {
        var tr = h("tr", {}, body);
        h("td", {}, tr, i + 1);
        h("td", {}, tr, e2(v));
        h("td", {}, tr, e2(f.grad_std[i]));
      });
    }
    set(index);
    return function (w) { width = w; draw(); };
  }

  function learningRate(root, data, width) {
    var index = data.marks[3];
    var marks = data.marks.map(function (i) { return [g3(data.rates[i]), i]; });
    var charts = h("div", {"class": "explorer__charts"});
    var summary = h("p", {"class": "explorer__readout", "aria-live": "polite"});
    var set = slider(root, T.lr, data.rates, marks, function (i) {
      return T.lrValue + g3(data.rates[i]);
    }, function (i) { index = i; draw(); });
    root.appendChild(charts);
    root.appendChild(summary);
    var epochs = [0, 5, 10, 15, 20];
    function clipped(v) { return v === null || v > 1e3; }

    function draw() {
      var f = data.frames[index];
      charts.textContent = "";
      var wide = width >= 600, pw = Math.floor(wide ? width / 2 : width);
      var box = {x: 48, y: 10, w: pw - 64, h: 150};
      /* Every rate's loss, faint, under the chosen one. */
      var svg = chart(charts, pw, box.y + box.h + BELOW, T.loss,
        [["act", T.lrValue + g3(data.rates[index])], ["others", T.others]]);
      var sc = panel(svg, box, {lo: 0, hi: 20, ticks: epochs},
        decades(1e-3, 1e3, lossTick), T.epoch);
      function points(loss) {
        return loss.map(function (v, i) {
          return [sc.x(i), sc.y(clipped(v) ? 1e3 : Math.max(v, 1e-3))];
        });
      }
      var others = [];
      data.frames.forEach(function (other, i) {
        if (i !== index) others = others.concat([null], points(other.loss));
      });
      line(svg, others, "others");
      line(svg, points(f.loss), "act");
      var up = "";  // ▲ where the chosen run is clipped
      f.loss.forEach(function (v, i) {
        if (clipped(v)) up += "M" + sc.x(i).toFixed(1) + " " + (box.y - 7) + "l4 7h-8z";
      });
      s("path", {d: up, "class": "marker warn"}, svg);
      var note = h("p", {"class": "explorer__note warn"}, svg.parentNode, T.clipped);
      if (!f.loss.some(clipped)) note.style.visibility = "hidden";
      svg = chart(charts, pw, box.y + box.h + BELOW, T.valAcc,
        [["grad", T.lrValue + g3(data.rates[index])]]);
      sc = panel(svg, box, {lo: 0, hi: 20, ticks: epochs},
        {lo: 0, hi: 1, ticks: [0, 0.5, 1]}, T.epoch);
      line(svg, f.val_acc.map(function (v, i) { return [sc.x(i), sc.y(v)]; }), "grad");
      pw = Math.min(width, 640);
      box = {x: 48, y: 10, w: pw - 64, h: 150};
      svg = chart(charts, pw, box.y + box.h + BELOW, T.ratio,
        [["act", "W1"], ["grad", "W2"], ["rule", T.rule]]);
      sc = panel(svg, box, {lo: 1, hi: 20, ticks: [1, 5, 10, 15, 20]},
        decades(1e-5, 1e4), T.epoch);
      s("path", {d: "M" + box.x + " " + sc.y(1e-3) + "h" + box.w, "class": "rule"}, svg);
      ["W1", "W2"].forEach(function (name, k) {
        line(svg, f.ratio[name].map(function (v, i) {
          return v === null ? null : [sc.x(i + 1), sc.y(Math.min(Math.max(v, 1e-5), 1e4))];
        }), k ? "grad" : "act");
      });
      summary.textContent = T.lrSummary(g3(data.rates[index]), f);
    }
    set(index);
    return function (w) { width = w; draw(); };
  }

  /* Update rule x learning rate on a 2-D surface: the figure's contour lines, the
     chosen rule's path and, faint, the other rules' at the same rate. */
  function paths(root, data, width) {
    var surface = Object.keys(data.surfaces)[0], rule = data.rules[0];
    var index = data.tuned[surface][rule];
    function name(r) { return T.names[r] || r; }
    function tuned() { return data.tuned[surface][rule]; }
    choice(root, T.surface, Object.keys(data.surfaces), function (k) {
      return T.surfaces[k]; }, function (k) { surface = k; draw(); });
    choice(root, T.rule, data.rules, name, function (k) { rule = k; draw(); });
    var marks = [0, 4, 8, 12, 16, 20].map(function (i) { return [g3(data.rates[i]), i]; });
    function rate(i) { return T.lrValue + g3(data.rates[i]) + (i === tuned() ? T.tuned : ""); }
    var set = slider(root, T.lr, data.rates, marks, rate,
      function (i) { index = i; draw(); });
    h("button", {type: "button"}, root.lastChild, T.tunedButton)
      .addEventListener("click", function () { set(tuned()); });
    var charts = h("div", {"class": "explorer__charts"}, root);
    var summary = h("p", {"class": "explorer__readout", "aria-live": "polite"}, root);

    function draw() {
      var view = data.surfaces[surface].view, f = data.frames[surface][rule][index];
      var pw = Math.min(width, 480), box = {x: 1, y: 1, w: pw - 2, h: Math.round(0.7 * pw)};
      function at(u, v) { return [box.x + u * box.w, box.y + (1 - v) * box.h]; }
      function grid(xy) {  // each point is stored as its step from the one before
        var pts = [], x = 0, y = 0;
        for (var i = 0; i < xy.length; i += 2) {
          x += xy[i]; y += xy[i + 1];
          pts.push(at(x / data.grid, y / data.grid));
        }
        return pts;
      }
      function point(p) {
        return at((p[0] - view[0][0]) / (view[0][1] - view[0][0]),
          (p[1] - view[1][0]) / (view[1][1] - view[1][0]));
      }
      charts.textContent = "";
      var svg = chart(charts, pw, box.h + 2, T.surfaces[surface],
        [["act", name(rule) + ", " + rate(index)], ["others", T.otherRules]]);
      var frame = {x: box.x, y: box.y, width: box.w, height: box.h}, id = "c" + index +
        Math.random().toString(36).slice(2, 8);
      s("rect", frame, s("clipPath", {id: id}, svg));
      var g = s("g", {"clip-path": "url(#" + id + ")"}, svg), lines = [], others = [];
      data.surfaces[surface].contours.forEach(function (c) { lines = lines.concat([null], grid(c)); });
      line(g, lines, "contour");
      data.rules.forEach(function (r) {
        if (r !== rule) others = others.concat([null], grid(data.frames[surface][r][index].xy));
      });
      line(g, others, "others");
      line(g, grid(f.xy), "act");
      frame["class"] = "frame";
      s("rect", frame, svg);
      var p = point(data.surfaces[surface].start);
      s("path", {d: "M" + (p[0] - 3) + " " + p[1] + "a3 3 0 1 0 6 0a3 3 0 1 0-6 0",
        "class": "mark"}, svg);
      data.surfaces[surface].minima.forEach(function (m) {
        p = point(m);
        s("text", {x: p[0], y: p[1], dy: ".35em", "text-anchor": "middle", "class": "mark"},
          svg, "★");
      });
      var gap = f.gap === null ? T.notFinite : f.gap < 1e-12 ? "<1e-12" : e1(f.gap);
      summary.textContent = T.pathSummary(name(rule), rate(index), T.surfaces[surface],
        f, gap);
    }
    set(index);
    return function (w) { width = w; draw(); };
  }

  var KINDS = {"weight-init": weightInit, "lr": learningRate, "paths": paths};

  /* Built detached and put under the caption in one change. The first
     ResizeObserver call follows the layout that places it: if it landed above the
     middle of the viewport (above it, or in its upper half), what the reader looks
     at moved down by its height; scroll by that before the paint (in every engine:
     scroll anchoring, which WebKit lacks, is off for this change). Later calls
     redraw, in the next frame, when the column's width changed. */
  function live(figure, end, data, width) {
    var root = h("div", {"class": "explorer__live"}), html = document.documentElement;
    var resize = KINDS[data.kind](root, data, width), first = true;
    new ResizeObserver(function (entries) {
      var w = Math.floor(entries[0].contentRect.width);
      if (first) {
        first = false;
        var box = root.getBoundingClientRect();
        if (box.top < innerHeight / 2) window.scrollBy(0, box.height);
        requestAnimationFrame(function () { html.style.overflowAnchor = ""; });
      }
      if (w > 0 && w !== width) {
        width = w;
        requestAnimationFrame(function () { resize(width); });
      }
    }).observe(root);
    html.style.overflowAnchor = "none";
    figure.replaceChild(root, end);
    figure.classList.add("explorer--live");
  }

  /* Going live moves whatever is below the figure's end. While the reader scrolls
     with that point on screen, what they follow would jump: wait until it is off
     screen (an empty marker there, watched) or the scrolling has stopped. */
  var STILL_MS = 150, scrolled = -Infinity;
  addEventListener("scroll", function () { scrolled = performance.now(); },
                   {passive: true});

  function start(figure, width) {
    var img = figure.querySelector("img"), end = h("div", {}), onScreen = false;
    var watch = new IntersectionObserver(function (entries) {
      onScreen = entries[entries.length - 1].isIntersecting;
    });
    figure.appendChild(end);  // empty: no height
    watch.observe(end);
    fetch(new URL(figure.getAttribute("data-src"), img.src))
      .then(function (r) { return r.json(); })
      .then(function (data) {  // parsed in this task: build in a later one
        setTimeout(function when() {
          if (onScreen && performance.now() - scrolled < STILL_MS) {
            setTimeout(when, 50);
            return;
          }
          watch.disconnect();
          live(figure, end, data, width);
        }, 0);
      });
  }

  var figures = document.querySelectorAll("figure.explorer[data-src]");
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        seen.unobserve(entry.target);
        start(entry.target, Math.max(Math.floor(entry.boundingClientRect.width), 300));
      }
    });
  }, {rootMargin: "1000px"});  // live before it is in view
  figures.forEach(function (f) { seen.observe(f); });
})();
