import numpy as np

if __name__ == "__main__":
    gamma, beta = np.array([2.0, 0.5]), np.array([1.0, -1.0])
    running_mean, running_var = np.array([4.0, -2.0]), np.array([9.0, 0.25])
    eps = 1e-5
    x = np.array([[7.0, -1.0]])  # a single example

    # test mode: a fixed affine map per feature, y = a * x + c
    a = gamma / np.sqrt(running_var + eps)
    c = beta - a * running_mean
    print("test mode: ", np.round(a * x + c, 4) + 0.0)
    #> test mode:  [[3. 0.]]
    # by hand: 2 * (7 - 4) / 3 + 1 = 3 and 0.5 * (-1 + 2) / 0.5 - 1 = 0

    # train mode on a batch of one: x - mean(x) = 0, so the output is beta
    x_hat = (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + eps)
    print("train mode:", gamma * x_hat + beta)
    #> train mode: [[ 1. -1.]]
