/* Explorers: a figure with controls. Its frames were computed at build time by the
   page's own snippets (figures_src/<page>/explore_<name>.py, tools/figures.py); this
   script only chooses the frame to draw. The data is fetched when the reader comes
   near (1000 px); until then, and without JavaScript, the static figure stays. */
(function () {
  "use strict";
  var TEXT = {
    en: {
      act: "Nonlinearity", std: "Weight std", lr: "Learning rate",
      stdValue: "std ", lrValue: "learning rate ", layer: "layer",
      layerName: function (n) { return "layer " + n; },
      actStd: "activation std", gradStd: "gradient dL/dh std",
      hist: "Activations per layer (fraction of all units; ReLU: zeros not drawn)",
      stdTitle: "Std per layer (log scale)", beyond: "beyond 6: ",
      epoch: "epoch", loss: "training loss", valAcc: "validation accuracy",
      ratio: "update/weight ratio", rule: "1e-3 (rule of thumb)",
      clipped: "▲ above 1000 or not finite",
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
      stdTitle: "층별 표준편차 (로그 스케일)", beyond: "6 초과: ",
      epoch: "에폭", loss: "훈련 손실", valAcc: "검증 정확도",
      ratio: "업데이트/가중치 비율", rule: "1e-3 (경험칙)",
      clipped: "▲ 1000 초과 또는 유한하지 않음",
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
  var SVG = "http://www.w3.org/2000/svg";

  /* Numbers as the snippets print them: Python's .2e, .1e and .3g. */
  function pyExp(s) { return s.replace(/e([+-])(\d)$/, "e$10$2"); }
  function e2(v) { return v === null ? "nan" : pyExp(v.toExponential(2)); }
  function e1(v) { return v === null ? "nan" : pyExp(v.toExponential(1)); }
  function g3(v) {
    if (v === null) return "nan";
    var e = Number(v.toExponential(2).split("e")[1]);
    if (e < -4 || e >= 3) return pyExp(v.toExponential(2).replace(/\.?0+e/, "e"));
    return v.toFixed(2 - e).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }

  function h(tag, attrs, parent, text) {
    var el = document.createElement(tag);
    for (var k in attrs) el.setAttribute(k, attrs[k]);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }
  function s(tag, attrs, parent, text) {
    var el = document.createElementNS(SVG, tag);
    for (var k in attrs) el.setAttribute(k, attrs[k]);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }

  /* One panel: axes, ticks and labels in box {x, y, w, h}; returns the scales.
     An axis is {lo, hi, log, ticks, fmt}; a log axis takes values, not logs. */
  function panel(svg, box, ax, ay, title, xlabel) {
    function scale(a, p0, p1) {
      var f = a.log ? Math.log10 : Number, lo = f(a.lo), hi = f(a.hi);
      return function (v) { return p0 + (f(v) - lo) / (hi - lo) * (p1 - p0); };
    }
    var x = scale(ax, box.x, box.x + box.w), y = scale(ay, box.y + box.h, box.y);
    var g = s("g", {"class": "axes"}, svg);
    s("path", {d: "M" + box.x + " " + box.y + "V" + (box.y + box.h) + "H" +
      (box.x + box.w)}, g);
    ay.ticks.forEach(function (t) {
      s("text", {x: box.x - 4, y: y(t) + 4, "text-anchor": "end"}, g, ay.fmt(t));
      s("path", {d: "M" + (box.x - 3) + " " + y(t) + "h3"}, g);
    });
    ax.ticks.forEach(function (t) {
      s("text", {x: x(t), y: box.y + box.h + 14, "text-anchor": "middle"}, g,
        ax.fmt ? ax.fmt(t) : t);
    });
    if (title) s("text", {x: 0, y: 14, "class": "title"}, g, title);
    if (xlabel) s("text", {x: box.x + box.w, y: box.y + box.h + 28,
      "text-anchor": "end"}, g, xlabel);
    return {x: x, y: y};
  }
  function line(svg, pts, cls) {
    var d = "";
    pts.forEach(function (p, i) {
      d += (p === null ? "" : (d && pts[i - 1] !== null ? "L" : "M") + p[0].toFixed(1) +
        " " + p[1].toFixed(1));
    });
    return s("path", {d: d, "class": "line " + cls}, svg);
  }
  function decades(lo, hi) {
    var a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
    if (b - a < 2) { a -= 1; b += 1; }
    var step = Math.ceil((b - a) / 6), ticks = [];
    for (var k = b; k >= a; k -= step) ticks.push(Math.pow(10, k));
    return {lo: Math.pow(10, a), hi: Math.pow(10, b), log: true, ticks: ticks,
      fmt: function (t) { return "1e" + Math.round(Math.log10(t)); }};
  }
  function legend(svg, x, y, items) {
    items.forEach(function (it, i) {
      s("path", {d: "M" + x + " " + (y + i * 16 - 4) + "h18", "class": "line " + it[0]},
        svg);
      s("text", {x: x + 24, y: y + i * 16}, svg, it[1]);
    });
  }
  function svgBox(parent, width, height, label) {
    return s("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": label}, parent);
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

  function weightInit(root, data) {
    var acts = {tanh: "tanh", relu: "ReLU"}, act = "tanh", index = data.marks.xavier;
    var names = {};
    Object.keys(data.marks).forEach(function (k) {
      if (k === "xavier" || k === "he") names[data.marks[k]] = k === "he" ? "He" : "Xavier";
    });
    var fs = h("fieldset", {"class": "explorer__choice"}, root);
    h("legend", {}, fs, T.act);
    var group = "a" + Math.random().toString(36).slice(2, 8);
    Object.keys(acts).forEach(function (k) {
      var lab = h("label", {}, fs);
      var r = h("input", {type: "radio", name: group, value: k}, lab);
      if (k === act) r.checked = true;
      lab.appendChild(document.createTextNode(" " + acts[k]));
      r.addEventListener("change", function () { act = k; draw(); });
    });
    function stdText(i) {
      return T.stdValue + g3(data.stds[i]) + (names[i] ? " (" + names[i] + ")" : "");
    }
    var marks = Object.keys(data.marks).map(function (k) {
      var i = data.marks[k];
      return [names[i] ? names[i] + " " + g3(data.stds[i]) : k, i];
    });
    var set = slider(root, T.std, data.stds, marks, stdText,
      function (i) { index = i; draw(); });
    var charts = h("div", {"class": "explorer__charts"}, root);
    var summary = h("p", {"class": "explorer__readout", "aria-live": "polite"}, root);
    var table = h("table", {"class": "explorer__table"}, root);

    function draw() {
      var f = data.frames[act][index], width = Math.max(charts.clientWidth, 300);
      charts.textContent = "";
      var range = data.ranges[act], cols = width < 560 ? 5 : 10;
      var rows = 10 / cols, cw = (width - 44) / cols, ph = 54, top = 44;
      var svg = svgBox(charts, width, top + rows * (ph + 44), T.hist);
      s("text", {x: 0, y: 14, "class": "title"}, svg, T.hist);
      var peak = 0;
      f.counts.forEach(function (c) { peak = Math.max(peak, Math.max.apply(null, c)); });
      f.counts.forEach(function (c, l) {
        var bx = 40 + (l % cols) * cw, by = top + Math.floor(l / cols) * (ph + 44);
        var w = cw - 8, bw = w / c.length;
        s("text", {x: bx, y: by - 4, "class": "small"}, svg, T.layerName(l + 1));
        var d = "M" + bx + " " + (by + ph);
        c.forEach(function (n, b) {
          var y = by + ph - n / peak * ph;
          d += "V" + y.toFixed(1) + "H" + (bx + (b + 1) * bw).toFixed(1);
        });
        s("path", {d: d + "V" + (by + ph) + "Z", "class": "bars"}, svg);
        s("path", {d: "M" + bx + " " + (by + ph) + "h" + w, "class": "base"}, svg);
        s("text", {x: bx, y: by + ph + 14, "class": "small"}, svg, range[0]);
        s("text", {x: bx + w, y: by + ph + 14, "class": "small", "text-anchor": "end"},
          svg, range[1]);
        if (f.over[l]) {
          s("text", {x: bx + w, y: by + ph + 28, "class": "small warn",
            "text-anchor": "end"}, svg, "→ " + Math.round(100 * f.over[l] / data.units)
            + "%");
        }
      });
      var all = f.act_std.concat(f.grad_std);
      var ay = decades(Math.min.apply(null, all), Math.max.apply(null, all));
      var pw = Math.min(width, 640), svg2 = svgBox(charts, pw, 250, T.stdTitle);
      var ticks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      var sc = panel(svg2, {x: 48, y: 60, w: pw - 64, h: 150},
        {lo: 1, hi: 10, ticks: ticks}, ay, T.stdTitle, T.layer);
      [["act", f.act_std, T.actStd], ["grad", f.grad_std, T.gradStd]].forEach(
        function (series, k) {
          line(svg2, series[1].map(function (v, i) { return [sc.x(i + 1), sc.y(v)]; }),
            series[0]);
          series[1].forEach(function (v, i) {
            s("circle", {cx: sc.x(i + 1), cy: sc.y(v), r: 3, "class": "dot " +
              series[0]}, svg2);
          });
          legend(svg2, 48 + k * Math.min(220, (pw - 48) / 2), 38, [[series[0],
            series[2]]]);
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
    return draw;
  }

  function learningRate(root, data) {
    var index = data.marks[3];
    var marks = data.marks.map(function (i) { return [g3(data.rates[i]), i]; });
    var set = slider(root, T.lr, data.rates, marks, function (i) {
      return T.lrValue + g3(data.rates[i]);
    }, function (i) { index = i; draw(); });
    var charts = h("div", {"class": "explorer__charts"}, root);
    var summary = h("p", {"class": "explorer__readout", "aria-live": "polite"}, root);
    var epochs = [0, 5, 10, 15, 20];

    function draw() {
      var f = data.frames[index], width = Math.max(charts.clientWidth, 300);
      charts.textContent = "";
      var wide = width >= 600, pw = wide ? width / 2 : width;
      var box = {x: 48, y: 40, w: pw - 64, h: 150};
      var svg = svgBox(charts, pw, 240, T.loss);
      var ly = decades(1e-3, 1e3), sc = panel(svg, box,
        {lo: 0, hi: 20, ticks: epochs}, ly, T.loss, T.epoch);
      var pts = f.loss.map(function (v, i) {
        var c = v === null || v > 1e3;
        if (c) s("text", {x: sc.x(i), y: box.y + 4, "class": "small warn",
          "text-anchor": "middle"}, svg, "▲");
        return [sc.x(i), sc.y(c ? 1e3 : Math.max(v, 1e-3))];
      });
      line(svg, pts, "act");
      if (f.loss.some(function (v) { return v === null || v > 1e3; })) {
        s("text", {x: box.x + box.w, y: box.y + box.h + 28, "class": "small warn",
          "text-anchor": "end"}, svg, T.clipped);
      }
      svg = svgBox(charts, pw, 240, T.valAcc);
      sc = panel(svg, box, {lo: 0, hi: 20, ticks: epochs},
        {lo: 0, hi: 1, ticks: [0, 0.5, 1], fmt: String}, T.valAcc, T.epoch);
      line(svg, f.val_acc.map(function (v, i) { return [sc.x(i), sc.y(v)]; }), "grad");
      svg = svgBox(charts, Math.min(width, 640), 250, T.ratio);
      box = {x: 48, y: 60, w: Math.min(width, 640) - 64, h: 150};
      sc = panel(svg, box, {lo: 1, hi: 20, ticks: [1, 5, 10, 15, 20]},
        decades(1e-5, 1e4), T.ratio, T.epoch);
      s("path", {d: "M" + box.x + " " + sc.y(1e-3) + "h" + box.w, "class": "rule"}, svg);
      legend(svg, box.x, 38, [["act", "W1"]]);
      legend(svg, box.x + 70, 38, [["grad", "W2"]]);
      legend(svg, box.x + 140, 38, [["rule", T.rule]]);
      ["W1", "W2"].forEach(function (name, k) {
        line(svg, f.ratio[name].map(function (v, i) {
          return v === null ? null : [sc.x(i + 1), sc.y(Math.min(Math.max(v, 1e-5), 1e4))];
        }), k ? "grad" : "act");
      });
      summary.textContent = T.lrSummary(g3(data.rates[index]), f);
    }
    set(index);
    return draw;
  }

  var KINDS = {"weight-init": weightInit, "lr": learningRate};

  function start(figure) {
    var img = figure.querySelector("img");
    fetch(new URL(figure.getAttribute("data-src"), img.src))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        /* The live figure is taller than the static one. A reader below it (who
           scrolled up to it) keeps their place: the growth is scrolled away, by
           this script in every engine, not by the browser's scroll anchoring
           (which WebKit lacks), switched off for this one change. */
        var html = document.documentElement, top = figure.getBoundingClientRect().top;
        var height = figure.offsetHeight;
        html.style.overflowAnchor = "none";
        var root = h("div", {"class": "explorer__live"});
        figure.insertBefore(root, figure.firstChild);
        figure.classList.add("explorer--live");
        var draw = KINDS[data.kind](root, data), width = root.clientWidth;
        if (top < 0) window.scrollBy(0, figure.offsetHeight - height);
        requestAnimationFrame(function () { html.style.overflowAnchor = ""; });
        window.addEventListener("resize", function () {
          if (root.clientWidth !== width) { width = root.clientWidth; draw(); }
        });
      });
  }

  var figures = document.querySelectorAll("figure.explorer[data-src]");
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        seen.unobserve(entry.target);
        start(entry.target);
      }
    });
  }, {rootMargin: "1000px"});  // live before it is in view: nothing the reader sees moves
  figures.forEach(function (f) { seen.observe(f); });
})();
