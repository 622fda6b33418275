import numpy as np


def distinct_per_axis(points):
    return [len(np.unique(points[:, j])) for j in range(points.shape[1])]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    axis = np.linspace(-5, 1, 4)  # 4 x 4 = 16 trials
    grid = np.array([(a, b) for a in axis for b in axis])
    print(distinct_per_axis(grid), distinct_per_axis(rng.uniform(size=(16, 2))))
    #> [4, 4] [16, 16]
    for trials, n_params in [(16, 2), (64, 3), (100, 4)]:
        print(f"grid {trials} over {n_params}: "
              f"{round(trials ** (1 / n_params), 2)} values each")
    #> grid 16 over 2: 4.0 values each
    #> grid 64 over 3: 4.0 values each
    #> grid 100 over 4: 3.16 values each
