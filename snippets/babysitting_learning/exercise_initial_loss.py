import numpy as np


def softmax_loss(s, y):
    shifted = s - s.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(y)), y].mean()


def svm_loss(s, y, margin=1.0):
    """Multiclass SVM (hinge) loss: sum over j != y of max(0, s_j - s_y + margin)."""
    correct = s[np.arange(len(y)), y][:, None]
    hinge = np.maximum(0, s - correct + margin)
    hinge[np.arange(len(y)), y] = 0
    return hinge.sum(axis=1).mean()


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    print(f"{'C':<4}{'softmax':<8}{'ln C':<7}{'SVM':<7}C - 1")
    #> C   softmax ln C   SVM    C - 1
    for classes in (10, 100):
        s = 1e-3 * rng.standard_normal((500, classes))  # a small last layer
        y = rng.integers(0, classes, size=500)
        print(f"{classes:<4}{softmax_loss(s, y):<8.3f}{np.log(classes):<7.3f}"
              f"{svm_loss(s, y):<7.3f}{classes - 1}")
    #> 10  2.303   2.303  9.000  9
    #> 100 4.605   4.605  99.009 99
