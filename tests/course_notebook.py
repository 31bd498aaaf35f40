"""The course's notebook code (slides 4. first_DNN.ipynb and "Load the model"),
in tf.compat.v1 form, run in a fresh process by test_checkpoint.py.

    python course_notebook.py load  CKPT_PREFIX INPUTS.npy OUT.npy
        the slide's "載入 graph": import_meta_graph, restore, get_tensor_by_name
    python course_notebook.py train SAVE_PREFIX INPUTS.npy OUT.npy
        the slide's method-1 network, trained a little and saved with saver.save
"""

import sys

import numpy as np
import tensorflow as tf

tf = tf.compat.v1
tf.disable_eager_execution()


def load(filename, inputs):
    sess = tf.Session()
    loader = tf.train.import_meta_graph(filename + '.meta')
    loader.restore(sess, filename)
    # Notebooks often initialise the local variables too; a tfdesk graph must allow it
    # (its chunk loop's data copies once made this fail for want of a feed).
    sess.run(tf.local_variables_initializer())
    x_input = sess.graph.get_tensor_by_name('input/x_input:0')
    output = sess.graph.get_tensor_by_name('output_layer/output:0')
    return sess.run(output, feed_dict={x_input: inputs})


def train(filename, inputs):
    from sklearn.datasets import load_digits
    from sklearn.utils import shuffle

    digits = load_digits()
    x_train = (digits.data / 16.0).astype(np.float32)
    y_train = np.eye(10, dtype=np.float32)[digits.target]

    with tf.name_scope('input'):
        x_input = tf.placeholder(shape=(None, x_train.shape[1]), name='x_input', dtype=tf.float32)
        y_out = tf.placeholder(shape=(None, y_train.shape[1]), name='y_label', dtype=tf.float32)
    with tf.variable_scope('hidden_layer'):
        w1 = tf.Variable(tf.truncated_normal(shape=[x_train.shape[1], 25], stddev=0.1),
                         name='weight1', dtype=tf.float32)
        b1 = tf.Variable(tf.constant(0.0, shape=[25]), name='bias1', dtype=tf.float32)
        z1 = tf.add(tf.matmul(x_input, w1), b1)
        a1 = tf.nn.relu(z1, name='h1_out')
    with tf.variable_scope('output_layer'):
        w2 = tf.Variable(tf.truncated_normal(shape=[25, y_train.shape[1]], stddev=0.1),
                         name='weight2', dtype=tf.float32)
        b2 = tf.Variable(tf.constant(0.0, shape=[y_train.shape[1]]), name='bias2', dtype=tf.float32)
        output = tf.add(tf.matmul(a1, w2), b2, name='output')
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(logits=output, labels=y_out))
    train_step = tf.train.AdamOptimizer(0.01).minimize(loss)
    saver = tf.train.Saver()

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    batch_size = 32
    for i in range(3):
        total_batch = len(x_train) // batch_size
        for j in range(total_batch):
            x_batch = x_train[j * batch_size:(j + 1) * batch_size]
            y_batch = y_train[j * batch_size:(j + 1) * batch_size]
            sess.run(train_step, feed_dict={x_input: x_batch, y_out: y_batch})
        x_train, y_train = shuffle(x_train, y_train)
    saver.save(sess, filename)
    return sess.run(output, feed_dict={x_input: inputs})


if __name__ == "__main__":
    mode, filename, inputs_path, out_path = sys.argv[1:]
    inputs = np.load(inputs_path)
    np.save(out_path, load(filename, inputs) if mode == "load" else train(filename, inputs))
