"""Colours of the update rules, the same in every figure of the page."""

COLORS = {"SGD": "tab:gray", "momentum": "tab:blue", "Nesterov": "tab:cyan",
          "AdaGrad": "tab:green", "RMSProp": "tab:orange", "Adam": "tab:red"}
NAMES = {"ko": {"momentum": "모멘텀"}, "en": {}}


def name(rule, lang):
    return NAMES[lang].get(rule, rule)
