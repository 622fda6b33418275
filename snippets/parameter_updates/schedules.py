from update_rules import cosine, exponential, inverse_time, step_decay, warmup

TOTAL = 180  # 10 epochs of 18 minibatches
SCHEDULES = {"step": step_decay(0.1, drop=0.5, every=60),
             "exponential": exponential(0.1, k=0.01),
             "1/t": inverse_time(0.1, k=0.05),
             "cosine": cosine(0.1, TOTAL),
             "warmup+cos": warmup(cosine(0.1, TOTAL), 18)}

if __name__ == "__main__":
    print("schedule    t=0    t=90   t=179")
    #> schedule    t=0    t=90   t=179
    for name, schedule in SCHEDULES.items():
        print(f"{name:<11} " + "".join(f"{schedule(t):<7.2g}" for t in (0, 90, 179)))
    #> step        0.1    0.05   0.025
    #> exponential 0.1    0.041  0.017
    #> 1/t         0.1    0.018  0.01
    #> cosine      0.1    0.05   7.6e-06
    #> warmup+cos  0.0056 0.05   7.6e-06
