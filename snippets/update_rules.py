# --8<-- [start:sgd]
import numpy as np


def sgd():
    """Every rule is a pair of functions: `state = init(params)` once, then
    `step(params, grads, state, lr)` at every step, which changes the arrays of
    `params` (a dict name -> array) in place."""
    def init(params):
        return {}

    def step(params, grads, state, lr):
        for name, p in params.items():
            p -= lr * grads[name]

    return init, step
# --8<-- [end:sgd]


# --8<-- [start:momentum]
def momentum(rho=0.9):
    """CS231n's form: v = rho * v - lr * g; x += v."""
    def init(params):
        return {name: np.zeros_like(p) for name, p in params.items()}

    def step(params, grads, v, lr):
        for name, p in params.items():
            v[name] = rho * v[name] - lr * grads[name]
            p += v[name]

    return init, step


def momentum_pytorch(mu=0.9):
    """PyTorch's form (torch.optim.SGD): b = mu * b + g; x -= lr * b."""
    def init(params):
        return {name: np.zeros_like(p) for name, p in params.items()}

    def step(params, grads, b, lr):
        for name, p in params.items():
            b[name] = mu * b[name] + grads[name]
            p -= lr * b[name]

    return init, step
# --8<-- [end:momentum]


# --8<-- [start:nesterov]
def nesterov(rho=0.9):
    """Nesterov momentum in the variables code keeps (x is the look-ahead point)."""
    def init(params):
        return {name: np.zeros_like(p) for name, p in params.items()}

    def step(params, grads, v, lr):
        for name, p in params.items():
            v_prev = v[name]
            v[name] = rho * v[name] - lr * grads[name]
            p += -rho * v_prev + (1 + rho) * v[name]

    return init, step
# --8<-- [end:nesterov]


# --8<-- [start:adagrad]
def adagrad(eps=1e-8):
    def init(params):
        return {name: np.zeros_like(p) for name, p in params.items()}

    def step(params, grads, cache, lr):
        for name, p in params.items():
            cache[name] += grads[name] ** 2
            p -= lr * grads[name] / (np.sqrt(cache[name]) + eps)

    return init, step
# --8<-- [end:adagrad]


# --8<-- [start:rmsprop]
def rmsprop(decay=0.99, eps=1e-8):
    def init(params):
        return {name: np.zeros_like(p) for name, p in params.items()}

    def step(params, grads, cache, lr):
        for name, p in params.items():
            cache[name] = decay * cache[name] + (1 - decay) * grads[name] ** 2
            p -= lr * grads[name] / (np.sqrt(cache[name]) + eps)

    return init, step
# --8<-- [end:rmsprop]


# --8<-- [start:adam]
def adam(beta1=0.9, beta2=0.999, eps=1e-8, bias_correction=True, weight_decay=0.0):
    """Adam; with weight_decay > 0, AdamW: every matrix (ndim >= 2; not the
    biases) also shrinks by lr * weight_decay * x, outside the adaptive step."""
    def init(params):
        zeros = {name: np.zeros_like(p) for name, p in params.items()}
        return {"t": 0, "m": zeros, "v": {k: z.copy() for k, z in zeros.items()}}

    def step(params, grads, state, lr):
        state["t"] += 1
        t, m, v = state["t"], state["m"], state["v"]
        for name, p in params.items():
            g = grads[name]
            m[name] = beta1 * m[name] + (1 - beta1) * g
            v[name] = beta2 * v[name] + (1 - beta2) * g * g
            m_hat, v_hat = m[name], v[name]
            if bias_correction:
                m_hat = m_hat / (1 - beta1**t)
                v_hat = v_hat / (1 - beta2**t)
            if weight_decay and p.ndim >= 2:
                p -= lr * weight_decay * p
            p -= lr * m_hat / (np.sqrt(v_hat) + eps)

    return init, step


def adamw(weight_decay=0.01, **kwargs):
    """Loshchilov & Hutter's decoupled weight decay (PyTorch's default 0.01)."""
    return adam(weight_decay=weight_decay, **kwargs)
# --8<-- [end:adam]


# --8<-- [start:schedules]
def constant(lr):
    return lambda t: lr


def step_decay(lr, drop=0.5, every=100):
    return lambda t: lr * drop ** (t // every)


def exponential(lr, k=0.01):
    return lambda t: lr * np.exp(-k * t)


def inverse_time(lr, k=0.01):
    return lambda t: lr / (1 + k * t)


def cosine(lr, total, lr_min=0.0):
    """Half a cosine from lr at t = 0 down to lr_min at t = total, then flat."""
    return lambda t: lr_min + (lr - lr_min) * (1 + np.cos(np.pi * min(t / total, 1))
                                               ) / 2


def warmup(schedule, steps):
    """Linear warmup: lr rises from schedule(0) / steps to schedule(steps) over
    the first `steps` steps, then follows `schedule`."""
    return lambda t: schedule(t) * min(1.0, (t + 1) / steps)
# --8<-- [end:schedules]


# --8<-- [start:demo]
if __name__ == "__main__":
    grads = {"w": np.array([0.5, -2.0])}  # one step from w = 0, lr 0.1
    for name, rule in [("sgd", sgd()), ("momentum", momentum()),
                       ("nesterov", nesterov()), ("adagrad", adagrad()),
                       ("rmsprop", rmsprop()), ("adam", adam()),
                       ("adam raw", adam(bias_correction=False))]:
        init, step = rule
        params = {"w": np.zeros(2)}
        step(params, grads, init(params), lr=0.1)
        print(f"{name:<9} {params['w'][0]:7.3f} {params['w'][1]:7.3f}")
    #> sgd        -0.050   0.200
    #> momentum   -0.050   0.200
    #> nesterov   -0.095   0.380
    #> adagrad    -0.100   0.100
    #> rmsprop    -1.000   1.000
    #> adam       -0.100   0.100
    #> adam raw   -0.316   0.316
# --8<-- [end:demo]
