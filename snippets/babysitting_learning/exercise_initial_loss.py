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
    for classes in (10, 100):
        s = 1e-3 * rng.standard_normal((500, classes))  # a small last layer
        y = rng.integers(0, classes, size=500)
        print(f"C = {classes:3}: softmax {softmax_loss(s, y):.3f} "
              f"(ln C = {np.log(classes):.3f}),  SVM {svm_loss(s, y):.3f} "
              f"(C - 1 = {classes - 1})")
    #> C =  10: softmax 2.303 (ln C = 2.303),  SVM 9.000 (C - 1 = 9)
    #> C = 100: softmax 4.605 (ln C = 4.605),  SVM 99.009 (C - 1 = 99)
